package org.recsregistry.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.recsregistry.change.FeedFixtures;
import org.recsregistry.common.RegistryState;
import org.recsregistry.common.ResponseCache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages' structure, links, escaping and HTTP behaviour, read with jsoup over real HTTP. */
@QuarkusTest
class PagesTest {

    static final String RECORD = "coi-2014-89-d";
    static final List<String> PAGES = List.of("/", "/recommendations", "/recommendations?addressee=CHN&status=rejected",
            "/recommendations/" + RECORD, "/addressees/DPRK", "/sources/coi-2014");

    @Inject
    FeedFixtures fixtures;

    @Inject
    ResponseCache cache;

    @Inject
    RegistryState state;

    static Document page(String path) {
        Response response = given().accept("text/html").get(path);
        response.then().statusCode(200).contentType(startsWith("text/html"));
        return Jsoup.parse(response.asString(), "http://localhost" + path);
    }

    @Test
    void shouldServeEveryPageAsAccessibleHtmlWithoutScript() {
        for (String path : PAGES) {
            Document page = page(path);
            assertEquals("en", page.selectFirst("html").attr("lang"), path);
            assertFalse(page.title().isBlank(), path);
            assertEquals(1, page.select("h1").size(), path + ": one h1");
            assertNotNull(page.selectFirst("main#main"), path);
            assertTrue(page.select("script, [style], style").isEmpty(), path + ": no script, no inline style");
            assertEquals(1, page.select("link[rel=alternate][type=application/atom+xml]").size(), path);
            assertEquals(1, page.select("link[rel=alternate][type=application/json]").size(), path);
            for (Element table : page.select("table")) {
                assertNotNull(table.selectFirst("caption"), path + ": every table has a caption");
                assertFalse(table.select("th[scope]").isEmpty(), path + ": header cells with scope");
            }
        }
    }

    @Test
    void shouldLinkOnlyToThingsThatExist() {
        Set<String> checked = new LinkedHashSet<>();
        for (String path : PAGES) {
            for (Element link : page(path).select("a[href^=/], link[href^=/]")) {
                String href = link.attr("href").replace("&amp;", "&");
                if (checked.add(href) && !href.startsWith("/q/")) {
                    int status = given().get(href).statusCode();
                    // The latest changes may name a record another test has since deleted: its page is Gone, as its JSON.
                    int expected = href.startsWith("/recommendations/")
                            && given().get("/api/v1" + href).statusCode() == 410 ? 410 : 200;
                    assertEquals(expected, status, path + " links to " + href);
                }
            }
        }
        assertTrue(checked.size() > 50, "the pages link to many places: " + checked.size());
    }

    @Test
    void shouldAnswerWithRevisionValidatorsAndNotModified() {
        Response first = given().accept("text/html").get("/recommendations/" + RECORD);
        String etag = first.then().statusCode(200).extract().header("ETag");
        String lastModified = first.header("Last-Modified");
        assertNotNull(etag);
        assertNotNull(lastModified);
        assertEquals(given().get("/api/v1/stats").header("ETag"), etag, "the registry revision, as the API's");
        given().header("If-None-Match", etag).get("/recommendations/" + RECORD).then().statusCode(304)
                .header("ETag", etag);
        given().header("If-Modified-Since", lastModified).get("/").then().statusCode(304);
        given().header("If-None-Match", "W/\"0\"").get("/").then().statusCode(200);
    }

    @Test
    void shouldKeepAPageInTheResponseCacheUntilTheRegistryMoves() {
        String path = "/recommendations/" + RECORD;
        String first = given().get(path).then().statusCode(200).extract().asString();
        long revision = state.known().orElseThrow().number();
        ResponseCache.Entry entry = cache.get(ResponseCache.key(path, null), revision);
        assertNotNull(entry, "the page is cached for this revision");
        assertTrue(entry.header("Content-Type").startsWith("text/html"));
        String second = given().get(path).then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'")).extract().asString();
        assertEquals(first, second, "the cached bytes");
        String before = fixtures.setSummary(RECORD, "A summary changed by PagesTest.");
        try {
            assertTrue(given().get(path).asString().contains("A summary changed by PagesTest."), "a write drops it");
        } finally {
            fixtures.setSummary(RECORD, before);
        }
    }

    @Test
    void shouldSendAStrictContentSecurityPolicy() {
        for (String path : List.of("/", "/recommendations/" + RECORD, "/css/registry.css")) {
            String csp = given().get(path).then().statusCode(200).extract().header("Content-Security-Policy");
            assertNotNull(csp, path);
            assertTrue(csp.contains("default-src 'none'") && csp.contains("style-src 'self'"), path + ": " + csp);
            assertFalse(csp.contains("unsafe") || csp.contains("script-src"), path + ": " + csp);
        }
        given().get("/").then().header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void shouldListWhatTheApiListsWithTheSameCursors() {
        String query = "addressee=DPRK&sort=-updatedAt&limit=5";
        JsonPath api = given().get("/api/v1/recommendations?" + query).jsonPath();
        Document page = page("/recommendations?" + query + "&status=&q=");
        assertEquals(api.getList("items.id"), page.select(".records h3 a").eachText());
        assertTrue(page.selectFirst("h2#results").text().startsWith(api.getLong("total") + " "));
        String next = page.selectFirst("a[rel=next]").attr("href");
        assertTrue(next.endsWith("cursor=" + java.net.URLEncoder.encode(api.getString("nextCursor"),
                java.nio.charset.StandardCharsets.UTF_8)), next);
        JsonPath apiNext = given().get("/api/v1/recommendations?" + query + "&cursor=" + api.getString("nextCursor")).jsonPath();
        assertEquals(apiNext.getList("items.id"), page(next).select(".records h3 a").eachText());
        assertEquals("DPRK", page.selectFirst("#f-addressee option[selected]").val(), "the form shows the view");
        assertEquals("-updatedAt", page.selectFirst("#f-sort option[selected]").val());
        Set<String> fields = new LinkedHashSet<>(page.select("form.filters [name]").eachAttr("name"));
        assertEquals(Set.of("addressee", "status", "source", "theme", "q", "sort"), fields, "the API's own parameters");
    }

    @Test
    void shouldNameABadParameterAsTheApiDoes() {
        given().accept("text/html").get("/recommendations?status=done").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("invalidParams[0].name", is("status"));
        given().accept("text/html").get("/recommendations/no-such-record").then().statusCode(404);
        given().accept("text/html").get("/addressees/NOPE").then().statusCode(404);
        given().accept("text/html").get("/sources/no-such-source").then().statusCode(404);
    }

    @Test
    void shouldLinkEachMatrixCellToTheListItCounts() {
        Document home = page("/");
        Element row = home.select("table.matrix tbody tr").stream()
                .filter(tr -> tr.selectFirst("th a").attr("href").equals("/addressees/DPRK")).findFirst().orElseThrow();
        int checkedCells = 0;
        for (Element cell : row.select("td a")) {
            String count = cell.ownText().trim();
            String href = cell.attr("href");
            assertEquals(count, Long.toString(given().get("/api/v1" + href).jsonPath().getLong("total")), href);
            checkedCells++;
        }
        assertTrue(checkedCells > 0);
        assertEquals(home.select("table.timeline tbody tr").size(), home.select("svg rect").isEmpty() ? 0
                : home.select("svg g").size(), "a bar per row of the data table");
        assertEquals("img", home.selectFirst("svg").attr("role"));
    }

    @Test
    void shouldShowARecordWithItsNoticeHistoryAndCitation() {
        JsonPath json = given().get("/api/v1/recommendations/" + RECORD).jsonPath();
        Document page = page("/recommendations/" + RECORD);
        assertEquals(RECORD, page.selectFirst("h1").text());
        assertFalse(json.getBoolean("textVerified"));
        assertTrue(page.selectFirst("[role=note]").text().contains("not verified"));
        assertTrue(page.text().contains(json.getString("summary")));
        assertEquals(json.getList("history").size(), page.select("table.history tbody tr").size(), "every event");
        assertTrue(page.select("table.history a[href^=https://]").size() >= 1, "links to the evidence");
        String permalink = page.selectFirst(".citation a").attr("href");
        assertTrue(permalink.endsWith("/recommendations/" + RECORD), permalink);
        assertEquals("/api/v1/recommendations/" + RECORD,
                page.selectFirst("link[rel=alternate][type=application/json]").attr("href"));
    }

    @Test
    void shouldEscapeEveryValue() {
        String hostile = "<script>alert(1)</script><b onmouseover=\"x\">bold</b> & 'quotes'";
        String before = fixtures.setSummary(RECORD, hostile);
        try {
            for (String path : List.of("/recommendations/" + RECORD, "/addressees/DPRK", "/recommendations?addressee=DPRK&limit=200")) {
                String html = given().get(path).then().statusCode(200).extract().asString();
                assertFalse(html.contains("<script>") || html.contains("<b onmouseover"), path);
                assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), path);
                assertTrue(Jsoup.parse(html).text().contains(hostile), path + ": the value reads as it was written");
            }
        } finally {
            fixtures.setSummary(RECORD, before);
        }
    }

    @Test
    void shouldServeTheStyleSheetAndDescribeTheAddresseeAndTheSource() {
        given().get("/css/registry.css").then().statusCode(200).contentType(startsWith("text/css"))
                .body(containsString("@media print"));
        JsonPath addressee = given().get("/api/v1/addressees/DPRK").jsonPath();
        Document page = page("/addressees/DPRK");
        assertEquals(addressee.getString("name"), page.selectFirst("h1").text());
        assertEquals(addressee.getInt("recommendationCount"), page.select(".records > li").size());
        JsonPath source = given().get("/api/v1/sources/coi-2014").jsonPath();
        Document sourcePage = page("/sources/coi-2014");
        assertEquals(source.getString("title"), sourcePage.selectFirst("h1").text());
        assertEquals(source.getInt("recommendationCount"), sourcePage.select(".records > li").size());
    }
}
