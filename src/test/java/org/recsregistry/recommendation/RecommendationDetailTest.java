package org.recsregistry.recommendation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RecommendationDetailTest {

    private static final String COI_REFOULEMENT = "coi-2014-90-a";

    @Test
    void shouldShowEachAddresseeWithItsOwnStatusAndTheHistoryBehindIt() {
        JsonPath detail = given().get("/api/v1/recommendations/" + COI_REFOULEMENT)
                .then().statusCode(200).contentType("application/json")
                .body("id", is(COI_REFOULEMENT))
                .body("source.id", is("coi-2014"))
                .body("addressees.code", hasItem("CHN"))
                .body("history", not(empty()))
                .extract().jsonPath();
        List<Map<String, Object>> history = detail.getList("history");
        Map<String, String> last = new HashMap<>();
        for (Map<String, Object> event : history) {
            String addressee = (String) event.get("addressee");
            assertEquals(last.get(addressee), event.get("fromStatus"), "fromStatus chains for " + addressee);
            last.put(addressee, (String) event.get("toStatus"));
            assertTrue(((Map<?, ?>) event.get("evidence")).get("excerpt") != null);
        }
        for (Map<String, Object> addressee : detail.<Map<String, Object>>getList("addressees")) {
            String expected = last.getOrDefault((String) addressee.get("code"), "unknown");
            assertEquals(expected, addressee.get("status"), "current status of " + addressee.get("code"));
        }
    }

    @Test
    void shouldShowLinksInBothDirections() {
        given().get("/api/v1/recommendations/" + COI_REFOULEMENT).then().statusCode(200)
                .body("links.direction", hasItem("incoming"));
        String linking = given().get("/api/v1/recommendations/" + COI_REFOULEMENT).jsonPath()
                .getString("links.find { it.direction == 'incoming' }.recommendationId");
        given().get("/api/v1/recommendations/" + linking).then().statusCode(200)
                .body("links.findAll { it.direction == 'outgoing' }.recommendationId", hasItem(COI_REFOULEMENT));
    }

    @Test
    void shouldMarkUnverifiedTextAsEmpty() {
        given().get("/api/v1/recommendations?source=coi-2014&limit=200").then().statusCode(200)
                .body("items.findAll { !it.textVerified }.text", org.hamcrest.Matchers.everyItem(is("")))
                .body("items.findAll { it.textVerified }.text", org.hamcrest.Matchers.everyItem(not(is(""))));
    }

    @Test
    void shouldAnswer404ProblemForAnUnknownId() {
        given().get("/api/v1/recommendations/coi-2014-99-z").then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", is(404))
                .body("detail", org.hamcrest.Matchers.containsString("coi-2014-99-z"));
    }
}
