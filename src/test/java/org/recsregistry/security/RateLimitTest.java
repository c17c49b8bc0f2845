package org.recsregistry.security;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@TestProfile(LowRateLimits.class)
class RateLimitTest {

    private static final int READ_BURST = LowRateLimits.READ_BURST;

    @Test
    void shouldAnswer429WithRetryAfterOnceTheBurstIsSpentAndChargeConditionalReadsLess() {
        // One full read, ten conditional ones (a tenth each), then full reads until the burst is spent.
        String etag = given().get("/api/v1/statuses").then().statusCode(200).extract().header("ETag");
        for (int i = 0; i < 10; i++) {
            given().header("If-None-Match", etag).get("/api/v1/statuses").then().statusCode(304);
        }
        for (int i = 0; i < READ_BURST - 2; i++) {
            given().get("/api/v1/statuses").then().statusCode(200);
        }
        given().get("/api/v1/statuses").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        given().get("/q/health/ready").then().statusCode(200);
    }
}
