package org.recsregistry.db;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Health bodies say UP or DOWN per check and nothing else (the DOWN side is in {@link DatabaseOutageTest}). */
@QuarkusTest
class HealthBodiesTest {

    @Test
    void shouldNameTheDatabaseCheckAndNothingMore() {
        String ready = given().get("/q/health/ready").then().statusCode(200).extract().asString();
        assertEquals("{\"status\":\"UP\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"}]}",
                ready.replaceAll("\\s", ""));
        String live = given().get("/q/health/live").then().statusCode(200).extract().asString();
        assertEquals("{\"status\":\"UP\",\"checks\":[]}", live.replaceAll("\\s", ""));
    }
}
