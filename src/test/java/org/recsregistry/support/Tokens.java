package org.recsregistry.support;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/** Bearer tokens for the tests: the configured admin token, and API tokens it issues per role. */
public final class Tokens {

    public static final String ADMIN = "test-admin-token-0123456789abcdef0123456789";
    private static final Map<String, String> BY_ROLE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    /** A personal API token of the role, issued once per test run. */
    public static String of(String role) {
        return BY_ROLE.computeIfAbsent(role, r -> given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "test " + r, "role", r))
                .post("/api/v1/tokens").then().statusCode(201).extract().path("secret"));
    }

    public static RequestSpecification as(String role) {
        return given().auth().oauth2(of(role));
    }

    public static RequestSpecification asAdmin() {
        return given().auth().oauth2(ADMIN);
    }

    public static RequestSpecification curator() {
        return as("curator");
    }
}
