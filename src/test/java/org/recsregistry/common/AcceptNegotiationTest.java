package org.recsregistry.common;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

@QuarkusTest
class AcceptNegotiationTest {

    /** A page no other test asks for, so that the first request misses the response cache. */
    private static final String PAGE = "/api/v1/recommendations?limit=3&sort=-locator&addressee=DPRK";

    @Test
    void shouldAnswerAClientThatAcceptsProblemsTheSameWhetherOrNotThePageIsCached() {
        for (int i = 0; i < 2; i++) {
            given().accept(Problem.MEDIA_TYPE).get(PAGE).then().statusCode(200)
                    .contentType("application/json").body("items.size()", is(3));
        }
    }

    @Test
    void shouldStillRefuseAnAcceptThatAdmitsNoTypeItCanAnswer() {
        given().accept("application/xml").get(PAGE).then().statusCode(406).contentType(Problem.MEDIA_TYPE);
    }
}
