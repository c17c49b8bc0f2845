package org.recsregistry.security;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP client that connects from a chosen loopback address (127.0.0.0/8 is all local on Linux),
 * so that one test can play several clients with different addresses.
 */
public final class LocalClient {

    private LocalClient() {
    }

    /** The status of a GET sent from {@code from} to 127.0.0.1:{@code port}, with these headers. */
    public static int get(Vertx vertx, String from, int port, String path, Map<String, String> headers)
            throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setLocalAddress(from));
        try {
            RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost("127.0.0.1").setPort(port)
                    .setURI(path);
            headers.forEach(options::putHeader);
            return client.request(options).compose(request -> request.send())
                    .compose(response -> response.body().map(body -> response.statusCode()))
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
    }
}
