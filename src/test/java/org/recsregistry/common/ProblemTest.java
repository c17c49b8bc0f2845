package org.recsregistry.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class ProblemTest {

    @Test
    void shouldAnswerUnknownPathsWithAProblem() {
        given().get("/api/v1/nothing-here").then().statusCode(404)
                .contentType("application/problem+json").body("status", is(404));
    }

    @Test
    void shouldAnswerUnsupportedMethodsWithAProblem() {
        given().delete("/api/v1/stats").then().statusCode(405)
                .contentType("application/problem+json").body("status", is(405));
    }

    @Test
    void shouldNotLeakInternalsForHostilePathIds() {
        given().get("/api/v1/recommendations/'; drop table recommendation; --").then().statusCode(404)
                .body(not(containsString("Exception")));
        given().get("/api/v1/recommendations/..%2F..%2Fetc%2Fpasswd").then().statusCode(404);
        given().get("/api/v1/recommendations").then().statusCode(200);
    }

    @Test
    void shouldReportLiveAndReadyHealth() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
    }
}
