package org.recsregistry.security;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.recsregistry.support.Tokens;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class WebPolicyTest {

    private static final String WRITE_ORIGIN = "https://curators.test";
    private static final String OTHER_ORIGIN = "https://elsewhere.test";

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

    @Test
    void shouldRefuseOversizedBodies() {
        Tokens.curator().contentType(ContentType.JSON).body("{\"summary\":\"" + "x".repeat(2_000_000) + "\"}")
                .post("/api/v1/recommendations").then().statusCode(413);
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
