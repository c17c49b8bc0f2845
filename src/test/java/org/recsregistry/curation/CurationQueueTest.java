package org.recsregistry.curation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.recsregistry.support.Tokens;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class CurationQueueTest {

    private static final String QUEUE = "/api/v1/curation/queue";

    @Test
    void shouldBeForCuratorsOnly() {
        given().get(QUEUE).then().statusCode(401).contentType("application/problem+json");
        Tokens.as("reader").get(QUEUE).then().statusCode(403).contentType("application/problem+json");
        Tokens.curator().get(QUEUE).then().statusCode(200);
    }

    @Test
    void shouldListTheMostImportantGapsFirstEachWithWhatIsMissingAndALink() {
        JsonPath queue = Tokens.curator().get(QUEUE + "?limit=1000").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = queue.getList("items");
        assertEquals(queue.getLong("total"), items.size(), "the whole queue fits in 1000 entries");
        List<Integer> priorities = items.stream().map(i -> (Integer) i.get("priority")).toList();
        assertEquals(priorities.stream().sorted().toList(), priorities, "most important first");
        assertEquals("text_not_verified", items.get(0).get("problem"));
        for (String problem : List.of("text_not_verified", "status_unknown", "event_without_url", "source_without_url")) {
            assertTrue(items.stream().anyMatch(i -> i.get("problem").equals(problem)), "the dataset has " + problem);
        }
        for (Map<String, Object> item : items) {
            assertTrue(!((String) item.get("missing")).isBlank(), "says what is missing: " + item);
            String link = (String) item.get("link");
            assertTrue(link.startsWith("/api/v1/recommendations/") || link.startsWith("/api/v1/sources/"), link);
            given().get(link).then().statusCode(200);
        }
        assertTrue(items.stream().anyMatch(i -> "source_without_url".equals(i.get("problem"))
                && "r2p-2020-dprk".equals(i.get("sourceId"))));
    }

    @Test
    void shouldFilterByProblemAndLimit() {
        Tokens.curator().get(QUEUE + "?problem=event_without_url&limit=3").then().statusCode(200)
                .body("items.size()", is(3)).body("items.problem", everyItem(is("event_without_url")))
                .body("items.eventId", everyItem(notNullValue()))
                .body("items.link", everyItem(startsWith("/api/v1/recommendations/")));
        Tokens.curator().get(QUEUE + "?problem=source_without_url").then().statusCode(200)
                .body("items.sourceId", hasItem("piie-2014-hard-part")).body("nextCursor", is((Object) null));
        Tokens.curator().get(QUEUE + "?problem=everything&limit=0").then().statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams.name", hasItems("problem", "limit"));
    }
}
