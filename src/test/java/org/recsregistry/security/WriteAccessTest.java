package org.recsregistry.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.recsregistry.common.Roles;
import org.recsregistry.support.Tokens;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class WriteAccessTest {

    private static final List<String> WRITE_METHODS = List.of("post", "put", "patch", "delete");
    private static final List<String> ADMIN_ONLY = List.of("/api/v1/tokens", "/api/v1/webhooks", "/api/v1/audit",
            "/api/v1/admin");

    /** Every write in the contract, with its path parameters filled in. */
    private static List<String[]> writeEndpoints() throws IOException {
        JsonNode paths = new YAMLMapper().readTree(Path.of("openapi", "openapi.yaml").toFile()).get("paths");
        List<String[]> endpoints = new ArrayList<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (WRITE_METHODS.contains(method)) {
                endpoints.add(new String[]{method, path.getKey().replaceAll("\\{[^}]+}", "1")});
            }
        }));
        return endpoints;
    }

    @Test
    void shouldRefuseEveryWriteWithoutAToken() throws IOException {
        List<String[]> endpoints = writeEndpoints();
        assertTrue(endpoints.size() >= 10, "the contract lists the writes");
        for (String[] e : endpoints) {
            send(given(), e).then().statusCode(401).contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer");
        }
    }

    @Test
    void shouldRefuseEveryWriteToAReaderAndAdminWritesToACurator() throws IOException {
        for (String[] e : writeEndpoints()) {
            send(Tokens.as("reader"), e).then().statusCode(403).contentType("application/problem+json");
            boolean adminOnly = ADMIN_ONLY.stream().anyMatch(e[1]::startsWith);
            send(Tokens.curator(), e).then().statusCode(adminOnly ? is(403) : not(oneOf(401, 403)));
        }
    }

    @Test
    void shouldRefuseUnknownRevokedAndForgedTokens() {
        given().auth().oauth2("rr_not-a-token").contentType(ContentType.JSON).body("{}")
                .post("/api/v1/recommendations").then().statusCode(401);
        given().auth().oauth2(TestJwts.forged("mallory", Roles.CURATOR)).contentType(ContentType.JSON)
                .body("{}").post("/api/v1/recommendations").then().statusCode(401);
        String secret = given().auth().oauth2(Tokens.ADMIN).contentType(ContentType.JSON)
                .body(Map.of("name", "short-lived", "role", "curator")).post("/api/v1/tokens")
                .then().statusCode(201).extract().path("secret");
        int id = given().auth().oauth2(Tokens.ADMIN).get("/api/v1/tokens").then().statusCode(200)
                .extract().path("items.find { it.name == 'short-lived' }.id");
        given().auth().oauth2(Tokens.ADMIN).delete("/api/v1/tokens/" + id).then().statusCode(204);
        given().auth().oauth2(secret).contentType(ContentType.JSON).body("{}")
                .post("/api/v1/recommendations").then().statusCode(401);
    }

    @Test
    void shouldAcceptAJwtFromTheConfiguredIssuerWithItsRoles() {
        given().auth().oauth2(TestJwts.token("carol", Roles.CURATOR)).contentType(ContentType.JSON)
                .body("{}").post("/api/v1/recommendations").then().statusCode(400);
        given().auth().oauth2(TestJwts.token("rita", Roles.READER)).contentType(ContentType.JSON)
                .body("{}").post("/api/v1/recommendations").then().statusCode(403);
        given().auth().oauth2(TestJwts.token("ada", Roles.ADMIN)).get("/api/v1/audit").then().statusCode(200);
    }

    @Test
    void shouldShowTokenSecretsOnceAndNeverInLists() {
        String secret = Tokens.of("curator");
        String listing = given().auth().oauth2(Tokens.ADMIN).get("/api/v1/tokens").then().statusCode(200)
                .extract().asString();
        assertTrue(!listing.contains(secret) && !listing.contains("secret"), listing);
    }

    private static io.restassured.response.Response send(RequestSpecification request, String[] endpoint) {
        RequestSpecification r = request.contentType(ContentType.JSON).body("{}");
        return switch (endpoint[0]) {
            case "post" -> r.post(endpoint[1]);
            case "put" -> r.put(endpoint[1]);
            case "patch" -> r.patch(endpoint[1]);
            default -> r.delete(endpoint[1]);
        };
    }
}
