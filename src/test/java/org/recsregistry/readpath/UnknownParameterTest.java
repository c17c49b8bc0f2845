package org.recsregistry.readpath;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.recsregistry.common.Problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

/** A parameter that an endpoint does not take is named in a 400, never silently ignored. */
@QuarkusTest
class UnknownParameterTest {

    /** Each path with a parameter it does not take (misspelled, or another endpoint's). */
    @ParameterizedTest
    @ValueSource(strings = {
            "/api/v1/recommendations?adressee=CHN",
            "/api/v1/recommendations/coi-2014-89-a?status=rejected",
            "/api/v1/export?format=ndjson&sort=id",
            "/api/v1/changes?since=0&theme=accountability",
            "/api/v1/changes/stream?adressee=CHN",
            "/api/v1/changes.atom?q=china",
            "/api/v1/stats?interval=year",
            "/api/v1/stats/timeline?asOf=2020-01-01",
            "/api/v1/addressees?limit=5",
            "/api/v1/addressees/CHN?asOf=2020-01-01",
            "/api/v1/sources?kind=un_report",
            "/api/v1/sources/coi-2014?limit=1",
            "/api/v1/themes?sort=code",
            "/api/v1/statuses?lang=en"})
    void shouldNameTheParameterTheEndpointDoesNotTake(String url) {
        String name = url.substring(url.lastIndexOf(url.contains("&") ? '&' : '?') + 1, url.lastIndexOf('='));
        given().header("If-None-Match", "*").get(url).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("invalidParams.name", hasItem(name))
                .body("invalidParams.find { it.name == '" + name + "' }.reason",
                        containsString("is not a parameter of this endpoint"));
    }

    @org.junit.jupiter.api.Test
    void shouldStillAnswerTheParametersItTakes() {
        given().get("/api/v1/export?format=ndjson&q=dialogue&updatedSince=2014-01-01&asOf=2026-01-01")
                .then().statusCode(200);
        given().get("/api/v1/changes.atom?addressee=CHN&status=rejected&kind=status_changed").then().statusCode(200);
        given().get("/api/v1/recommendations?addressee=CHN&limit=1").then().statusCode(200).body("items.size()", is(1));
    }
}
