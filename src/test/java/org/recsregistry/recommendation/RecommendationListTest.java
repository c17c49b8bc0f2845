package org.recsregistry.recommendation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class RecommendationListTest {

    private static final String LIST = "/api/v1/recommendations";
    private static final int SMALL_PAGE = 7;

    @Test
    void shouldDocumentEverySortOrderItAccepts() {
        List<String> accepted = new ArrayList<>();
        for (SortOrder order : SortOrder.values()) {
            accepted.add(order.param);
            accepted.add("-" + order.param);
        }
        List<String> documented = given().get("/q/openapi?format=json").jsonPath()
                .getList("paths.'/api/v1/recommendations'.get.parameters.find { it.name == 'sort' }.schema.enum");
        assertEquals(accepted, documented);
        documented.forEach(sort -> given().get("/api/v1/recommendations?limit=1&sort=" + sort).then().statusCode(200));
    }

    @Test
    void shouldWalkEveryRecordExactlyOnceByCursor() {
        for (String sort : List.of("id", "-id", "updatedAt", "-updatedAt", "source", "-locator", "createdAt")) {
            long total = given().get(LIST + "?limit=1").then().statusCode(200).extract().jsonPath().getLong("total");
            List<String> seen = walk(Map.of("sort", sort, "limit", SMALL_PAGE));
            assertEquals(total, seen.size(), "records walked with sort " + sort);
            assertEquals(seen.size(), new HashSet<>(seen).size(), "no duplicates with sort " + sort);
        }
    }

    @Test
    void shouldOrderByIdAscendingByDefaultAndDescendingWithMinus() {
        List<String> ascending = given().get(LIST + "?limit=200").jsonPath().getList("items.id");
        List<String> sorted = new ArrayList<>(ascending);
        sorted.sort(String::compareTo);
        assertEquals(sorted, ascending);
        List<String> descending = given().get(LIST + "?limit=200&sort=-id").jsonPath().getList("items.id");
        Collections.reverse(sorted);
        assertEquals(sorted, descending);
    }

    @Test
    void shouldAnswerLinkNextUntilTheLastPage() {
        Response first = given().get(LIST + "?limit=2&source=coi-2014");
        first.then().statusCode(200).header("Link", containsString("rel=\"next\""))
                .header("Link", containsString("cursor=" + first.jsonPath().getString("nextCursor")));
        long total = first.jsonPath().getLong("total");
        given().get(LIST + "?limit=200&source=coi-2014").then().statusCode(200)
                .header("Link", nullValue())
                .body("nextCursor", nullValue())
                .body("items.size()", is((int) total));
    }

    @Test
    void shouldAnswerAnEmptyPageWhenNothingMatches() {
        given().get(LIST + "?updatedSince=2999-01-01").then().statusCode(200)
                .body("items", empty()).body("total", is(0)).body("nextCursor", nullValue());
    }

    @Test
    void shouldFilterByAddresseeAsAnyOf() {
        long china = total("addressee=CHN");
        long korea = total("addressee=KOR");
        List<Map<String, Object>> both = given().get(LIST + "?addressee=CHN&addressee=KOR&limit=200")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertTrue(both.size() >= Math.max(china, korea) && both.size() <= china + korea);
        for (Map<String, Object> item : both) {
            List<String> codes = codes(item);
            assertTrue(codes.contains("CHN") || codes.contains("KOR"), item.get("id") + " is addressed to " + codes);
        }
    }

    @Test
    void shouldMatchTheAddresseesOwnStatusWhenAddresseeIsGiven() {
        List<Map<String, Object>> items = given().get(LIST + "?addressee=CHN&status=rejected&limit=200")
                .then().statusCode(200).body("items", not(empty())).extract().jsonPath().getList("items");
        for (Map<String, Object> item : items) {
            assertEquals("rejected", statusOf(item, "CHN"), item.get("id").toString());
        }
    }

    @Test
    void shouldMatchTheOverallStatusWithoutAddressee() {
        given().get(LIST + "?status=implemented&status=partially_implemented&limit=200").then().statusCode(200)
                .body("items", not(empty()))
                .body("items.overallStatus", everyItem(org.hamcrest.Matchers.oneOf("implemented", "partially_implemented")));
    }

    @Test
    void shouldFilterBySourceAndTheme() {
        given().get(LIST + "?source=r2p-2020-dprk&limit=200").then().statusCode(200)
                .body("items", not(empty())).body("items.source.id", everyItem(is("r2p-2020-dprk")));
        given().get(LIST + "?theme=accountability&limit=200").then().statusCode(200)
                .body("items", not(empty())).body("items.themes", everyItem(hasItem("accountability")));
    }

    @Test
    void shouldSearchTextAndSummary() {
        List<Map<String, Object>> items = given().get(LIST + "?q=prison camps&limit=200")
                .then().statusCode(200).body("items", not(empty())).extract().jsonPath().getList("items");
        for (Map<String, Object> item : items) {
            String words = (item.get("text") + " " + item.get("summary")).toLowerCase();
            assertTrue(words.contains("prison") && words.contains("camp"), item.get("id") + ": " + words);
        }
    }

    @Test
    void shouldFilterByUpdatedSince() {
        long all = total("");
        assertEquals(all, total("updatedSince=2000-01-01T00:00:00Z"));
        assertEquals(all, total("updatedSince=2000-01-01"));
    }

    @Test
    void shouldRejectEveryBadParameterInOneProblem() {
        given().get(LIST + "?limit=0&status=done&sort=name&updatedSince=yesterday").then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", is(400))
                .body("invalidParams.name", org.hamcrest.Matchers.containsInAnyOrder("limit", "status", "sort", "updatedSince"));
    }

    @Test
    void shouldRejectLimitsOutOfRange() {
        for (String limit : List.of("0", "201", "-1", "abc", "99999999999")) {
            given().get(LIST + "?limit=" + limit).then().statusCode(400)
                    .body("invalidParams[0].name", is("limit"));
        }
        given().get(LIST + "?limit=200").then().statusCode(200);
    }

    @Test
    void shouldRejectRepeatedSingleParameters() {
        given().get(LIST + "?limit=5&limit=6").then().statusCode(400)
                .body("invalidParams[0].reason", containsString("at most once"));
    }

    @Test
    void shouldRejectUnknownCodes() {
        given().get(LIST + "?addressee=ATLANTIS&source=nowhere&theme=cooking").then().statusCode(400)
                .body("invalidParams.name", org.hamcrest.Matchers.containsInAnyOrder("addressee", "source", "theme"));
    }

    @Test
    void shouldRejectTamperedCursors() {
        String cursor = given().get(LIST + "?limit=2").jsonPath().getString("nextCursor");
        String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        List<String> tampered = List.of(
                "not-base64!!", cursor.substring(0, cursor.length() / 2),
                encode("null"), encode("[]"), encode("{\"sort\":\"id\"}"),
                encode(json.replace("\"key\"", "\"kez\"")),
                encode("{\"sort\":\"updatedAt\",\"key\":\"not a time\",\"id\":\"x\"}"));
        for (String bad : tampered) {
            given().queryParam("cursor", bad).queryParam("sort", "updatedAt").get(LIST).then()
                    .statusCode(400).contentType("application/problem+json").body("invalidParams[0].name", is("cursor"));
        }
        given().queryParam("cursor", cursor).queryParam("sort", "-id").get(LIST).then().statusCode(400)
                .body("invalidParams[0].reason", containsString("belongs to sort"));
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static long total(String query) {
        return given().get(LIST + "?limit=1&" + query).then().statusCode(200).extract().jsonPath().getLong("total");
    }

    private static List<String> walk(Map<String, Object> params) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParams(params);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var page = request.get(LIST).then().statusCode(200).extract().jsonPath();
            ids.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return ids;
    }

    @SuppressWarnings("unchecked")
    private static List<String> codes(Map<String, Object> item) {
        return ((List<Map<String, Object>>) item.get("addressees")).stream().map(a -> (String) a.get("code")).toList();
    }

    @SuppressWarnings("unchecked")
    private static String statusOf(Map<String, Object> item, String code) {
        return ((List<Map<String, Object>>) item.get("addressees")).stream()
                .filter(a -> code.equals(a.get("code"))).map(a -> (String) a.get("status")).findFirst().orElse(null);
    }
}
