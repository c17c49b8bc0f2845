package org.recsregistry.webhook;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.recsregistry.support.Tokens;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With registry.webhooks.allow-private-targets off, as in production, nothing is sent to an internal address. */
@QuarkusTest
@TestProfile(PrivateTargetsTest.Refused.class)
class PrivateTargetsTest {

    private static final long WAIT_MILLIS = 10_000;

    /** Production's setting. */
    public static class Refused implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("registry.webhooks.allow-private-targets", "false", "registry.dataset.import", "never");
        }
    }

    @Test
    void shouldRefuseToDeliverToLoopbackByAddressOrByName() throws Exception {
        try (Receiver receiver = new Receiver()) {
            for (String url : List.of(receiver.url("/by-address"), receiver.url("/by-name").replace("127.0.0.1", "localhost"))) {
                int id = Tokens.asAdmin().contentType(ContentType.JSON).body(Map.of("url", url))
                        .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
                Tokens.asAdmin().post("/api/v1/webhooks/" + id + "/test").then().statusCode(202);
                String deliveries = "/api/v1/webhooks/" + id + "/deliveries";
                long deadline = System.currentTimeMillis() + WAIT_MILLIS;
                while (Tokens.asAdmin().get(deliveries).jsonPath().getInt("total") == 0) {
                    assertTrue(System.currentTimeMillis() < deadline, "no attempt logged for " + url);
                    Thread.sleep(20);
                }
                Tokens.asAdmin().get(deliveries).then().statusCode(200)
                        .body("items[0].statusCode", org.hamcrest.Matchers.nullValue())
                        .body("items[0].error", containsString("an internal address"));
                Tokens.asAdmin().delete("/api/v1/webhooks/" + id).then().statusCode(204);
            }
            assertTrue(receiver.requests.isEmpty(), "the receiver on loopback was reached");
        }
    }
}
