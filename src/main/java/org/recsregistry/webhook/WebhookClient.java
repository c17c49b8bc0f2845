package org.recsregistry.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** Sends one signed delivery with the JDK's asynchronous HTTP client; never throws, answers an outcome. */
@ApplicationScoped
public class WebhookClient {

    static final String DELIVERY = "X-Registry-Delivery";
    static final String TIMESTAMP = "X-Registry-Timestamp";
    static final String SIGNATURE = "X-Registry-Signature";

    /** What became of one attempt; status is null when the receiver did not answer. */
    record Outcome(Instant at, Integer status, String error, long millis) {
        boolean success() {
            return status != null && status >= 200 && status < 300;
        }
    }

    @Inject
    WebhookConfig config;

    private volatile HttpClient http;

    CompletableFuture<Outcome> send(DeliveryStore.Claimed delivery) {
        Instant at = Instant.now();
        long started = System.nanoTime();
        try {
            String refused = config.allowPrivateTargets() ? null : WebhookTargets.refusal(delivery.url());
            if (refused != null) {
                return CompletableFuture.completedFuture(new Outcome(at, null, refused, since(started)));
            }
            long timestamp = at.getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.url()))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "recommendations-registry-webhooks")
                    .header(DELIVERY, delivery.deliveryId().toString())
                    .header(TIMESTAMP, Long.toString(timestamp))
                    .header(SIGNATURE, WebhookSigner.signature(delivery.secret(), timestamp, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload()))
                    .build();
            return client().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .handle((response, error) -> error == null
                            ? new Outcome(at, response.statusCode(),
                            response.statusCode() / 100 == 2 ? null : "HTTP " + response.statusCode(), since(started))
                            : new Outcome(at, null, describe(error), since(started)));
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(at, null, describe(e), since(started)));
        }
    }

    private HttpClient client() {
        if (http == null) {
            // Redirects are not followed: a signed delivery goes to the URL the admin registered, nowhere else.
            http = HttpClient.newBuilder().connectTimeout(config.timeout())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }
        return http;
    }

    private static long since(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** The failure without anything secret: its kind and message (no headers or body are in it). */
    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null && error instanceof java.util.concurrent.CompletionException
                ? error.getCause() : error;
        String message = cause.getMessage();
        String text = cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return text.length() > 500 ? text.substring(0, 500) : text;
    }
}
