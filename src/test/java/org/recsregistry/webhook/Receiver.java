package org.recsregistry.webhook;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntUnaryOperator;

/** A real HTTP receiver on loopback that records every request and answers a chosen status. */
public final class Receiver implements AutoCloseable {

    /** One request as received, with the status it was answered. */
    public record Request(String path, Headers headers, String body, int answered) {
    }

    private final HttpServer server;
    public final List<Request> requests = new CopyOnWriteArrayList<>();
    /** Maps the request number (1 for the first) to the status to answer. */
    volatile IntUnaryOperator status = n -> 200;

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int answer;
            synchronized (this) {
                answer = status.applyAsInt(requests.size() + 1);
                requests.add(new Request(exchange.getRequestURI().getPath(), exchange.getRequestHeaders(), body, answer));
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> to(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
