package org.recsregistry.security;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.recsregistry.support.Tokens;

import java.io.IOException;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class WebPolicyTest {

    private static final String WRITE_ORIGIN = "https://curators.test";
    private static final String OTHER_ORIGIN = "https://elsewhere.test";

    @TestHTTPResource("/")
    URL base;

    @Test
    void shouldLetAnyOriginReadAndSeeTheCachingHeaders() {
        given().header("Origin", OTHER_ORIGIN).get("/api/v1/stats").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Link"));
        given().header("Origin", OTHER_ORIGIN).header("Access-Control-Request-Method", "GET")
                .options("/api/v1/recommendations").then().statusCode(204)
                .header("Access-Control-Allow-Origin", "*");
    }

    @Test
    void shouldLetOnlyConfiguredOriginsWrite() {
        given().header("Origin", WRITE_ORIGIN).header("Access-Control-Request-Method", "PATCH")
                .options("/api/v1/recommendations/coi-2014-89-a").then().statusCode(204)
                .header("Access-Control-Allow-Origin", WRITE_ORIGIN)
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
        given().header("Origin", OTHER_ORIGIN).header("Access-Control-Request-Method", "PATCH")
                .options("/api/v1/recommendations/coi-2014-89-a").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        Tokens.curator().header("Origin", OTHER_ORIGIN).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/recommendations").then().statusCode(403).contentType("application/problem+json");
        Tokens.curator().header("Origin", WRITE_ORIGIN).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/recommendations").then().statusCode(400);
    }

    @Test
    void shouldSendSecurityHeaders() {
        given().get("/api/v1/stats").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        given().get("/api/v1/nothing").then().statusCode(404).header("X-Content-Type-Options", "nosniff");
    }

    /**
     * Declares a 2 MB body and sends none of it: the server must refuse on the declared length alone.
     * (Sending the body races the server's close after its 413 and fails the write with a broken pipe.)
     */
    @Test
    void shouldRefuseOversizedBodiesOnTheirDeclaredLength() throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(30_000);
            String request = "POST /api/v1/recommendations HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Authorization: Bearer " + Tokens.of("curator") + "\r\n"
                    + "Content-Type: application/json\r\n"
                    + "Content-Length: 2000000\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            // The server closes the connection after its answer, so the answer is everything up to the end.
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer, startsWith("HTTP/1.1 413"));
            assertThat(answer.toLowerCase(), containsString("content-type: application/problem+json"));
            assertThat(answer, containsString("\"invalidParams\":[{\"name\":\"body\",\"reason\":\"declares 2000000 bytes; at most 1048576\"}]"));
        }
    }

    @Test
    void shouldNotLeakStackTracesOrSql() {
        Tokens.curator().contentType(ContentType.JSON).body("{\"id\":\"x'; drop table source; --\",\"source\":\"coi-2014\"}")
                .post("/api/v1/recommendations").then().statusCode(400)
                .body(org.hamcrest.Matchers.not(containsString("Exception")))
                .body(org.hamcrest.Matchers.not(containsString("select")))
                .body("status", is(400));
    }
}
