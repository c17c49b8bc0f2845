package org.recsregistry.change;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.recsregistry.status.Status;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AtomFeedTest {

    private static final String ATOM = "/api/v1/changes.atom";
    private static final String NS = "http://www.w3.org/2005/Atom";

    @Inject
    FeedFixtures fixtures;

    @Test
    void shouldListTheLatestStatusChangesNewestFirst() throws Exception {
        Document feed = parse(given().get(ATOM + "?limit=200").then().statusCode(200)
                .contentType(startsWith("application/atom+xml")).extract().asByteArray());
        List<String> expected = new ArrayList<>();
        String cursor = "0";
        boolean more = true;
        while (more) {
            var page = given().get("/api/v1/changes?kind=status_changed&limit=1000&since=" + cursor).jsonPath();
            page.getList("items.id", String.class).forEach(id -> expected.add("urn:uuid:" + id));
            cursor = page.getString("nextCursor");
            more = page.getBoolean("hasMore");
        }
        Collections.reverse(expected);
        List<String> ids = texts(feed, "entry", "id");
        assertEquals(expected.subList(0, Math.min(200, expected.size())), ids);
        Element root = feed.getDocumentElement();
        assertEquals("feed", root.getLocalName());
        assertEquals(NS, root.getNamespaceURI());
        assertEquals(texts(feed, "entry", "updated").stream().max(String::compareTo).orElseThrow(),
                direct(root, "updated"), "the feed was updated when its newest entry was");
        assertEquals(50, parse(given().get(ATOM).asByteArray()).getElementsByTagNameNS(NS, "entry").getLength(),
                "default limit");
        assertEquals(3, parse(given().get(ATOM + "?limit=3").asByteArray()).getElementsByTagNameNS(NS, "entry").getLength());
    }

    @Test
    void shouldDescribeAChangeAndEscapeItsEvidence() throws Exception {
        String evidence = "Tags <b>&amp; ampersands</b> & \"quotes\" ]]> \u0001";
        fixtures.statusChanged("coi-2014-90-a", "CHN", Status.NOT_IMPLEMENTED, Status.REJECTED, evidence, "Excerpt <i>");
        String changeId = given().get("/api/v1/changes?kind=status_changed&limit=1000&since=0").jsonPath()
                .getString("items[-1].id");
        Document feed = parse(given().get(ATOM + "?limit=1").then().statusCode(200).extract().asByteArray());
        Element entry = (Element) feed.getElementsByTagNameNS(NS, "entry").item(0);
        assertEquals("urn:uuid:" + changeId, direct(entry, "id"));
        assertEquals("People's Republic of China: now rejected (was not implemented) as of 2026-01-31 — coi-2014-90-a",
                direct(entry, "title"), "the change as a person would say it");
        String summary = direct(entry, "summary");
        assertEquals("Effective 2026-01-31. Evidence: Tags <b>&amp; ampersands</b> & \"quotes\" ]]>  — Excerpt <i>",
                summary, "escaped in XML, intact once parsed; the control character dropped");
        Element page = (Element) entry.getElementsByTagNameNS(NS, "link").item(0);
        assertEquals("alternate", page.getAttribute("rel"));
        assertEquals("text/html", page.getAttribute("type"), "a feed reader opens the record's page");
        assertTrue(page.getAttribute("href").endsWith("/recommendations/coi-2014-90-a"), page.getAttribute("href"));
        given().get(java.net.URI.create(page.getAttribute("href")).getPath()).then().statusCode(200);
        Element json = (Element) entry.getElementsByTagNameNS(NS, "link").item(1);
        assertEquals("application/json", json.getAttribute("type"));
        assertTrue(json.getAttribute("href").endsWith("/api/v1/recommendations/coi-2014-90-a"), json.getAttribute("href"));
    }

    @Test
    void shouldSayAConfirmationAFirstStatusAndAMoveInWords() {
        java.util.UUID id = java.util.UUID.randomUUID();
        java.time.LocalDate date = java.time.LocalDate.of(2025, 9, 12);
        java.time.Instant now = java.time.Instant.now();
        assertEquals("Democratic People's Republic of Korea: not implemented, confirmed 2025-09-12",
                new StatusChanges.StatusChange(id, "coi-2014-89-d", "DPRK", "Democratic People's Republic of Korea",
                        Status.NOT_IMPLEMENTED, Status.NOT_IMPLEMENTED, date, null, null, now).headline());
        assertEquals("Japan: partially implemented as of 2025-09-12", new StatusChanges.StatusChange(id, "x", "JPN",
                "Japan", null, Status.PARTIALLY_IMPLEMENTED, date, null, null, now).headline());
        assertEquals("EU: now in progress (was rejected) as of 2025-09-12", new StatusChanges.StatusChange(id, "x", "EU",
                null, Status.REJECTED, Status.IN_PROGRESS, date, null, null, now).headline(),
                "the code when the addressee has no name on record");
    }

    @Test
    void shouldAnswerNotModifiedWhileTheFeedHeadIsUnchanged() {
        Response first = given().get(ATOM);
        String etag = first.then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get(ATOM).then().statusCode(304);
        fixtures.updated("coi-2014-89-a");
        given().header("If-None-Match", etag).get(ATOM).then().statusCode(200);
    }

    @Test
    void shouldRejectABadLimitWithAProblem() {
        for (String limit : List.of("0", "201", "many")) {
            given().get(ATOM + "?limit=" + limit).then().statusCode(400)
                    .contentType(startsWith("application/problem+json"))
                    .body("invalidParams[0].name", is("limit"))
                    .body("invalidParams[0].reason", containsString("between 1 and 200"));
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static List<String> texts(Document feed, String parent, String child) {
        List<String> values = new ArrayList<>();
        NodeList parents = feed.getElementsByTagNameNS(NS, parent);
        for (int i = 0; i < parents.getLength(); i++) {
            values.add(direct((Element) parents.item(i), child));
        }
        return values;
    }

    private static String direct(Element parent, String child) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && NS.equals(e.getNamespaceURI()) && child.equals(e.getLocalName())) {
                return e.getTextContent();
            }
        }
        throw new AssertionError("no " + child + " in " + parent.getLocalName());
    }
}
