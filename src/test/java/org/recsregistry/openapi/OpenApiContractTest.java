package org.recsregistry.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("openapi", "openapi.yaml");
    private static final YAMLMapper YAML = new YAMLMapper();

    /** Compared as documents: the order of keys in a mapping carries no meaning. */
    @Test
    void shouldServeExactlyTheCommittedContract() throws IOException {
        String served = given().get("/q/openapi?format=yaml").then().statusCode(200).extract().asString();
        JsonNode committed = YAML.readTree(CONTRACT.toFile());
        assertEquals(committed, YAML.readTree(served),
                "The served OpenAPI differs from " + CONTRACT + ". If the change is intended, copy "
                        + "target/openapi/openapi.yaml over it (see README, 'The API contract').");
    }
}
