package org.recsregistry.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.recsregistry.support.Tokens;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every write in the contract (each POST, PATCH, PUT and DELETE in openapi/openapi.yaml) leaves an audit entry, without secrets. */
@QuarkusTest
class AuditCompletenessTest {

    private static final Set<String> WRITE_METHODS = Set.of("post", "patch", "put", "delete");
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String RECORD = "audit-walk-1";
    private static final String WEBHOOK_SECRET = "audit-walk-webhook-secret-1";
    private static final String ROTATED_SECRET = "audit-walk-webhook-secret-2";

    /** One write of the contract, made with a valid request, and the audit action it must leave. */
    private record Step(String operation, String action, Supplier<Response> call) {
    }

    private final List<String> secrets = new ArrayList<>(List.of(WEBHOOK_SECRET, ROTATED_SECRET));
    private long tokenId;
    private long webhookId;

    @Test
    void shouldLeaveAnAuditEntryForEveryWriteInTheContractAndNoSecret() throws Exception {
        List<Step> walk = walk();
        assertEquals(contractWrites(), walk.stream().map(Step::operation).collect(Collectors.toCollection(TreeSet::new)),
                "the walk makes every write of the contract (a new write needs a step here)");
        for (Step step : walk) {
            long before = newestId(newest());
            Response response = step.call().get();
            int status = response.statusCode();
            assertTrue(status >= 200 && status < 300, step.operation() + " answered " + status + ": " + response.asString());
            JsonPath newest = newest();
            assertTrue(newestId(newest) > before, step.operation() + " left no audit entry");
            assertEquals(step.action(), newest.getString("items[0].action"), step.operation());
        }
        String log = Tokens.asAdmin().get("/api/v1/audit?limit=200").then().statusCode(200).extract().asString();
        for (String secret : secrets) {
            assertFalse(log.contains(secret), "the audit log holds a secret");
        }
    }

    private List<Step> walk() {
        return List.of(
                new Step("POST /api/v1/addressees", "addressee.create", () -> json(curator())
                        .body(Map.of("code", "AUDIT_WALK", "name", "Audit walk addressee", "kind", "other"))
                        .post("/api/v1/addressees")),
                new Step("PATCH /api/v1/addressees/{code}", "addressee.update", () -> patch("/api/v1/addressees/AUDIT_WALK",
                        "{\"name\":\"Audit walk addressee, renamed\"}")),
                new Step("POST /api/v1/themes", "theme.create", () -> json(curator())
                        .body(Map.of("code", "audit-walk", "name", "Audit walk theme")).post("/api/v1/themes")),
                new Step("PATCH /api/v1/themes/{code}", "theme.update", () -> patch("/api/v1/themes/audit-walk",
                        "{\"name\":\"Audit walk theme, renamed\"}")),
                new Step("POST /api/v1/sources", "source.create", () -> json(curator())
                        .body(Map.of("id", "audit-walk", "title", "Audit walk source", "publisher", "Test publisher",
                                "kind", "other")).post("/api/v1/sources")),
                new Step("PATCH /api/v1/sources/{id}", "source.update", () -> patch("/api/v1/sources/audit-walk",
                        "{\"title\":\"Audit walk source, renamed\"}")),
                new Step("POST /api/v1/recommendations", "recommendation.create", () -> json(curator())
                        .body(Map.of("id", RECORD, "source", "audit-walk", "locator", "test locator",
                                "summary", "A test record.", "addressees", List.of("AUDIT_WALK"),
                                "themes", List.of("audit-walk"))).post("/api/v1/recommendations")),
                new Step("PATCH /api/v1/recommendations/{id}", "recommendation.update",
                        () -> patch("/api/v1/recommendations/" + RECORD, "{\"summary\":\"Changed.\"}")),
                new Step("POST /api/v1/recommendations/{id}/status-events", "status-event.create", () -> json(curator())
                        .body(Map.of("addressee", "AUDIT_WALK", "status", "rejected", "effectiveDate", "2024-07-04",
                                "confidence", "high", "evidence", Map.of("kind", "media", "title", "Test evidence", "excerpt", "Test excerpt.")))
                        .post("/api/v1/recommendations/" + RECORD + "/status-events")),
                new Step("DELETE /api/v1/recommendations/{id}", "recommendation.delete",
                        () -> curator().header("If-Match", etag("/api/v1/recommendations/" + RECORD))
                                .delete("/api/v1/recommendations/" + RECORD)),
                new Step("POST /api/v1/tokens", "token.create", () -> {
                    Response created = json(Tokens.asAdmin()).body(Map.of("name", "audit walk", "role", "reader"))
                            .post("/api/v1/tokens");
                    tokenId = created.jsonPath().getLong("id");
                    secrets.add(created.jsonPath().getString("secret"));
                    return created;
                }),
                new Step("DELETE /api/v1/tokens/{id}", "token.revoke", () -> Tokens.asAdmin().delete("/api/v1/tokens/" + tokenId)),
                new Step("POST /api/v1/webhooks", "webhook.create", () -> {
                    Response created = json(Tokens.asAdmin()).body(Map.of("url", "https://example.org/audit-walk",
                            "secret", WEBHOOK_SECRET)).post("/api/v1/webhooks");
                    webhookId = created.jsonPath().getLong("id");
                    return created;
                }),
                new Step("PATCH /api/v1/webhooks/{id}", "webhook.update", () -> json(Tokens.asAdmin())
                        .body(Map.of("description", "Audit walk", "enabled", false))
                        .patch("/api/v1/webhooks/" + webhookId)),
                new Step("PATCH /api/v1/webhooks/{id}", "webhook.rotate-secret", () -> json(Tokens.asAdmin())
                        .body(Map.of("secret", ROTATED_SECRET)).patch("/api/v1/webhooks/" + webhookId)),
                new Step("POST /api/v1/webhooks/{id}/test", "webhook.ping",
                        () -> Tokens.asAdmin().post("/api/v1/webhooks/" + webhookId + "/test")),
                new Step("DELETE /api/v1/webhooks/{id}", "webhook.delete",
                        () -> Tokens.asAdmin().delete("/api/v1/webhooks/" + webhookId)),
                new Step("POST /api/v1/admin/import", "dataset.import",
                        () -> Tokens.asAdmin().post("/api/v1/admin/import?dryRun=false")));
    }

    /** A merge patch at the record's current version. */
    private static Response patch(String path, String body) {
        return curator().contentType(MERGE_PATCH).header("If-Match", etag(path)).body(body).patch(path);
    }

    private static String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    private static RequestSpecification curator() {
        return Tokens.curator();
    }

    private static RequestSpecification json(RequestSpecification request) {
        return request.contentType(ContentType.JSON);
    }

    private static JsonPath newest() {
        return Tokens.asAdmin().get("/api/v1/audit?limit=1").then().statusCode(200).extract().jsonPath();
    }

    private static long newestId(JsonPath page) {
        Long id = page.getObject("items[0].id", Long.class);
        return id == null ? 0 : id;
    }

    private static Set<String> contractWrites() throws Exception {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(Path.of("openapi/openapi.yaml").toFile()).get("paths");
        Set<String> writes = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (WRITE_METHODS.contains(method)) {
                    writes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        return writes;
    }
}
