package org.recsregistry.security;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;

import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A real reverse proxy in front of the application, as the Ingress is: it listens on 127.0.0.1,
 * connects to the application from its own address ({@link #ADDRESS}) and sets X-Forwarded-For to
 * the address its client connected from, replacing whatever the client sent. Runs on its own
 * Vert.x (not the application's, whose metrics would count it as a second server of the application).
 */
public final class ReverseProxy implements AutoCloseable {

    /** The address the proxy connects from: the one the application is told to trust. */
    public static final String ADDRESS = "127.0.0.2";
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "upgrade",
            "host", "content-length", "x-forwarded-for");

    private final HttpServer server;
    private final HttpClient upstream;

    public ReverseProxy(Vertx vertx, int appPort) throws Exception {
        upstream = vertx.createHttpClient(new HttpClientOptions().setLocalAddress(ADDRESS)
                .setDefaultHost("127.0.0.1").setDefaultPort(appPort));
        server = vertx.createHttpServer().requestHandler(this::forward);
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    public int port() {
        return server.actualPort();
    }

    private void forward(HttpServerRequest in) {
        in.body().compose(body -> upstream.request(in.method(), in.uri()).compose(out -> {
            copy(in.headers(), out.headers());
            out.putHeader("X-Forwarded-For", in.remoteAddress().hostAddress());
            return out.send(body);
        })).compose(answer -> answer.body().onSuccess(body -> {
            copy(answer.headers(), in.response().headers());
            in.response().setStatusCode(answer.statusCode()).end(body);
        })).onFailure(e -> in.response().setStatusCode(502).end());
    }

    private static void copy(MultiMap from, MultiMap to) {
        from.forEach(header -> {
            if (!HOP_BY_HOP.contains(header.getKey().toLowerCase())) {
                to.add(header.getKey(), header.getValue());
            }
        });
    }

    @Override
    public void close() throws Exception {
        server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        upstream.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
