package org.recsregistry.common;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ConditionalGetTest {

    private static final String FUTURE = "Sun, 01 Jan 2090 00:00:00 GMT";
    private static final String PAST = "Mon, 01 Jan 2001 00:00:00 GMT";
    /** RFC 9110's preferred form of an HTTP date (IMF-fixdate), which Last-Modified must take. */
    private static final String IMF_FIXDATE = "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} "
            + "(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} GMT";

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/recommendations", "/api/v1/recommendations/coi-2014-89-a",
            "/api/v1/addressees", "/api/v1/addressees/DPRK", "/api/v1/sources", "/api/v1/sources/coi-2014",
            "/api/v1/themes", "/api/v1/statuses", "/api/v1/stats"})
    void shouldTagEveryReadAndAnswer304WhenNothingChanged(String path) {
        Response first = given().get(path);
        first.then().statusCode(200).header("ETag", notNullValue())
                .header("Last-Modified", matchesPattern(IMF_FIXDATE));
        String etag = first.header("ETag");
        given().header("If-None-Match", etag).get(path).then().statusCode(304).body(emptyString());
        given().header("If-None-Match", "W/\"0\", " + etag).get(path).then().statusCode(304);
        given().header("If-Modified-Since", first.header("Last-Modified")).get(path).then().statusCode(304);
        given().header("If-None-Match", "W/\"0\"").get(path).then().statusCode(200);
        given().header("If-Modified-Since", PAST).get(path).then().statusCode(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/recommendations", "/api/v1/stats"})
    void shouldLetIfNoneMatchTakePrecedenceOverIfModifiedSince(String path) {
        given().header("If-None-Match", "W/\"0\"").header("If-Modified-Since", FUTURE).get(path)
                .then().statusCode(200);
    }
}
