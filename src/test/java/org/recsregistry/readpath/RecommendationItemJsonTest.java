package org.recsregistry.readpath;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.recsregistry.support.Tokens;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The list serves the JSON the database keeps for each record (on recommendation_facet, V70). It must be
 * exactly what Jackson writes for the same record read through the entities (the detail endpoint):
 * the same fields in the same order with the same values, and it must follow every kind of write.
 */
@QuarkusTest
class RecommendationItemJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/api/v1/recommendations";

    @Test
    void shouldServeEveryRecordAsTheEntityRendersIt() throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = JSON.readTree(given().queryParam("limit", 200)
                    .queryParams(cursor == null ? Map.of() : Map.of("cursor", cursor))
                    .get(BASE).then().statusCode(200).extract().asString());
            page.get("items").forEach(items::add);
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertTrue(items.size() >= 87, "the dataset's records at least: " + items.size());
        for (JsonNode item : items) {
            assertEquals(detailAsItem(item.get("id").asText()), item.toString());
        }
    }

    @Test
    void shouldFollowEveryKindOfWrite() throws Exception {
        Tokens.curator().contentType(ContentType.JSON)
                .body(Map.of("code", "READ_MODEL", "name", "Read model addressee", "kind", "other"))
                .post("/api/v1/addressees").then().statusCode(201);
        Tokens.curator().contentType(ContentType.JSON)
                .body(Map.of("id", "test-read-model", "source", "coi-2014", "locator", "read model \"quoted\"\n",
                        "summary", "A test record: \\ and \u00e9 and \u0001.", "addressees", List.of("READ_MODEL", "CHN"),
                        "themes", List.of("accountability", "dialogue")))
                .post(BASE).then().statusCode(201);
        assertListedAsDetail();

        Tokens.curator().contentType(ContentType.JSON)
                .body(Map.of("addressee", "READ_MODEL", "status", "rejected", "effectiveDate", "2024-07-04",
                        "confidence", "high", "evidence", Map.of("title", "Test", "kind", "media", "excerpt", "Test.")))
                .post(BASE + "/test-read-model/status-events").then().statusCode(201);
        assertListedAsDetail();

        String etag = given().get(BASE + "/test-read-model").header("ETag");
        Tokens.curator().contentType("application/merge-patch+json").header("If-Match", etag)
                .body("{\"summary\":\"Changed.\",\"themes\":[\"dialogue\"]}")
                .patch(BASE + "/test-read-model").then().statusCode(200);
        assertListedAsDetail();

        String addresseeTag = given().get("/api/v1/addressees/READ_MODEL").header("ETag");
        Tokens.curator().contentType("application/merge-patch+json").header("If-Match", addresseeTag)
                .body("{\"name\":\"Renamed addressee\"}")
                .patch("/api/v1/addressees/READ_MODEL").then().statusCode(200);
        assertTrue(assertListedAsDetail().contains("Renamed addressee"));

        etag = given().get(BASE + "/test-read-model").header("ETag");
        Tokens.curator().header("If-Match", etag).delete(BASE + "/test-read-model").then().statusCode(204);
        JsonNode page = JSON.readTree(given().queryParam("addressee", "READ_MODEL").get(BASE).asString());
        assertEquals(0, page.get("total").asInt());
        assertFalse(page.get("items").elements().hasNext());
    }

    /** Checks the record's list item against its detail and answers the item. */
    private static String assertListedAsDetail() throws Exception {
        JsonNode page = JSON.readTree(given().queryParam("addressee", "READ_MODEL").get(BASE)
                .then().statusCode(200).extract().asString());
        assertEquals(1, page.get("total").asInt());
        String item = page.get("items").get(0).toString();
        assertEquals(detailAsItem("test-read-model"), item);
        return item;
    }

    /** The detail of a record without the fields that only the detail has, in Jackson's compact form. */
    private static String detailAsItem(String id) throws Exception {
        ObjectNode detail = (ObjectNode) JSON.readTree(given().get(BASE + "/" + id)
                .then().statusCode(200).extract().asString());
        detail.remove(List.of("links", "history"));
        return detail.toString();
    }
}
