package org.recsregistry.webhook;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.recsregistry.db.DatabaseAvailability;
import org.recsregistry.change.FeedNotifications;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A second sender on the same database, as a second instance would run, races the application's own. */
@QuarkusTest
class TwoInstancesTest {

    @Inject
    WebhookConfig config;

    @Inject
    FeedNotifications notifications;

    @Inject
    WebhookDispatcher dispatcher;

    @Inject
    DeliveryStore store;

    @Inject
    DatabaseAvailability availability;

    @Inject
    WebhookClient client;

    @Inject
    WebhookMetrics metrics;

    @Inject
    TestChanges changes;

    @Test
    void shouldSendEachDeliveryOnceAndInOrder() throws Exception {
        WebhookSender other = new WebhookSender();
        other.availability = availability;
        other.config = config;
        other.notifications = notifications;
        other.dispatcher = dispatcher;
        other.store = store;
        other.client = client;
        other.metrics = metrics;
        List<Integer> ids = List.of();
        try (Receiver receiver = new Receiver()) {
            other.onStart(new StartupEvent());
            ids = List.of(subscribe(receiver.url("/one")), subscribe(receiver.url("/two")),
                    subscribe(receiver.url("/three")));
            for (int i = 0; i < 10; i++) {
                changes.updated(WebhookTest.EU_RECORD);
            }
            WebhookTest.waitUntil(() -> receiver.requests.size() >= 30, "thirty deliveries");
            Thread.sleep(300); // time for a duplicate, if there were one, to arrive
            for (String path : List.of("/one", "/two", "/three")) {
                List<Long> cursors = receiver.to(path).stream()
                        .map(r -> JsonPath.from(r.body()).getLong("entries[0].cursor")).toList();
                assertEquals(10, cursors.size(), path + " got " + cursors);
                assertEquals(cursors.stream().sorted().distinct().toList(), cursors, path + " in order, each once");
            }
        } finally {
            other.onStop(new ShutdownEvent());
            ids.forEach(id -> WebhookTest.admin().delete("/api/v1/webhooks/" + id));
        }
    }

    private static int subscribe(String url) {
        return WebhookTest.admin().contentType(ContentType.JSON)
                .body(Map.of("url", url, "filters", Map.of("addressee", List.of("EU"))))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id");
    }
}
