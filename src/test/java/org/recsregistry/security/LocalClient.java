package org.recsregistry.security;

import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import org.apache.http.conn.params.ConnRoutePNames;
import org.apache.http.params.CoreConnectionPNames;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;

/**
 * An HTTP client that connects from a chosen loopback address (127.0.0.0/8 is all local on Linux),
 * so that one test can play several clients with different addresses. Blocking, with timeouts, so a
 * request the server leaves unanswered fails with the stage that hung (connect or read).
 */
public final class LocalClient {

    private static final int TIMEOUT_MILLIS = 10_000;

    private LocalClient() {
    }

    /** The status of a GET sent from {@code from} to 127.0.0.1:{@code port}, with these headers. */
    public static int get(String from, int port, String path, Map<String, String> headers) {
        HttpClientConfig client = HttpClientConfig.httpClientConfig()
                .setParam(ConnRoutePNames.LOCAL_ADDRESS, address(from))
                .setParam(CoreConnectionPNames.CONNECTION_TIMEOUT, TIMEOUT_MILLIS)
                .setParam(CoreConnectionPNames.SO_TIMEOUT, TIMEOUT_MILLIS);
        // 127.0.0.1, not localhost, which may resolve to ::1, unreachable from an IPv4 address.
        return RestAssured.given().config(RestAssured.config().httpClient(client)).baseUri("http://127.0.0.1")
                .port(port).headers(headers).get(path).statusCode();
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
