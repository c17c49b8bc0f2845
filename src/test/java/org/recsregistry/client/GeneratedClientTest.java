package org.recsregistry.client;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.recsregistry.client.api.ChangesApi;
import org.recsregistry.client.api.RecommendationsApi;
import org.recsregistry.client.api.TokensApi;
import org.recsregistry.client.model.Change;
import org.recsregistry.client.model.ChangeKind;
import org.recsregistry.client.model.ChangePage;
import org.recsregistry.client.model.Confidence;
import org.recsregistry.client.model.EvidenceInput;
import org.recsregistry.client.model.EvidenceKind;
import org.recsregistry.client.model.PageRecommendationItem;
import org.recsregistry.client.model.Problem;
import org.recsregistry.client.model.RecommendationCreate;
import org.recsregistry.client.model.RecommendationDetail;
import org.recsregistry.client.model.RecommendationItem;
import org.recsregistry.client.model.Status;
import org.recsregistry.client.model.StatusEvent;
import org.recsregistry.client.model.StatusEventCreate;
import org.recsregistry.client.model.Token;
import org.recsregistry.client.model.TokenRequest;
import org.recsregistry.support.Tokens;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java client that openapi-generator makes from openapi/openapi.yaml (native library, built by
 * the test phase), used as a front-end developer would, against the running test instance.
 */
@QuarkusTest
class GeneratedClientTest {

    private static final int PAGE_SIZE = 5;
    private static final String ADDRESSEE = "DPRK";

    @TestHTTPResource("/")
    URI root;

    @Test
    void shouldFollowNextCursorThroughAFilteredListToTheEnd() throws ApiException {
        RecommendationsApi recommendations = new RecommendationsApi(client(null));
        Set<String> seen = new LinkedHashSet<>();
        long total = -1;
        int pages = 0;
        String cursor = null;
        do {
            PageRecommendationItem page = recommendations.listRecommendations(List.of(ADDRESSEE), null, cursor,
                    null, PAGE_SIZE, null, "-updatedAt", null, null, null, null, null, null);
            for (RecommendationItem item : page.getItems()) {
                assertTrue(seen.add(item.getId()), "listed twice: " + item.getId());
                assertTrue(item.getAddressees().stream().anyMatch(a -> a.getCode().equals(ADDRESSEE)));
            }
            total = page.getTotal();
            cursor = page.getNextCursor();
            pages++;
        } while (cursor != null);
        assertEquals(total, seen.size());
        assertTrue(pages > 1, "the filter should span several pages of " + PAGE_SIZE);
    }

    @Test
    void shouldReadARecordThenAnswerItsNotModified() throws ApiException {
        RecommendationsApi recommendations = new RecommendationsApi(client(null));
        ApiResponse<RecommendationDetail> read = recommendations.getRecommendationWithHttpInfo("coi-2014-89-a", null,
                null, null);
        assertEquals(200, read.getStatusCode());
        assertEquals("coi-2014-89-a", read.getData().getId());
        String etag = header(read, "ETag");
        ApiException notModified = assertThrows(ApiException.class,
                () -> recommendations.getRecommendation("coi-2014-89-a", null, etag, null));
        assertEquals(304, notModified.getCode());
    }

    @Test
    void shouldRecordAStatusEventWithIfMatchAndSeeItInTheChangeFeed() throws ApiException {
        String since = feedHead();
        Token curator = new TokensApi(client(Tokens.ADMIN)).createToken(new TokenRequest()
                .name("generated client").role(TokenRequest.RoleEnum.CURATOR), null);
        assertNotNull(curator.getSecret(), "the secret is in the 201 body, once");
        RecommendationsApi writes = new RecommendationsApi(client(curator.getSecret()));
        ApiResponse<RecommendationDetail> created = writes.createRecommendationWithHttpInfo(new RecommendationCreate()
                .id("client-status-1").source("coi-2014").locator("client test").summary("A client test record.")
                .addressees(List.of(ADDRESSEE)).themes(List.of("accountability")), null);
        assertEquals(201, created.getStatusCode());

        StatusEvent event = writes.createStatusEvent("client-status-1", new StatusEventCreate()
                .addressee(ADDRESSEE).status(Status.REJECTED).effectiveDate(LocalDate.of(2024, 7, 4))
                .confidence(Confidence.HIGH).evidence(new EvidenceInput().kind(EvidenceKind.MEDIA).title("t").excerpt("e")),
                header(created, "ETag"), null);
        assertEquals(Status.REJECTED, event.getToStatus());

        List<Change> changes = changesSince(since);
        assertTrue(changes.stream().anyMatch(c -> c.getKind() == ChangeKind.STATUS_CHANGED
                && c.getRecommendationId().equals("client-status-1") && c.getToStatus() == Status.REJECTED));

        // A DELETE's 204 has no body: the generated client accepts only problem+json, and must not get 406.
        String etag = header(writes.getRecommendationWithHttpInfo("client-status-1", null, null, null), "ETag");
        writes.deleteRecommendation("client-status-1", etag);
        assertEquals(410, problem(assertThrows(ApiException.class,
                () -> writes.getRecommendation("client-status-1", null, null, null))).getStatus());
    }

    @Test
    void shouldHandleAProblemAsATypedError() throws ApiException {
        RecommendationsApi recommendations = new RecommendationsApi(client(null));
        Problem notFound = problem(assertThrows(ApiException.class,
                () -> recommendations.getRecommendation("no-such-recommendation", null, null, null)));
        assertEquals(404, notFound.getStatus());
        assertTrue(notFound.getType().endsWith("/not-found"), notFound.getType());

        Problem invalid = problem(assertThrows(ApiException.class, () -> recommendations.listRecommendations(null,
                null, null, null, 0, null, null, null, null, null, null, null, null)));
        assertEquals(400, invalid.getStatus());
        assertEquals("limit", invalid.getInvalidParams().get(0).getName());
    }

    private ApiClient client(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(root.toString().replaceAll("/$", ""));
        if (token != null) {
            client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        }
        return client;
    }

    private String feedHead() throws ApiException {
        String cursor = "0";
        ChangesApi changes = new ChangesApi(client(null));
        ChangePage page;
        do {
            page = changes.listChanges(null, null, null, 1000, cursor, null, null, null);
            cursor = page.getNextCursor();
        } while (Boolean.TRUE.equals(page.getHasMore()));
        return cursor;
    }

    private List<Change> changesSince(String since) throws ApiException {
        ChangesApi changes = new ChangesApi(client(null));
        List<Change> all = new ArrayList<>();
        String cursor = since;
        ChangePage page;
        do {
            page = changes.listChanges(null, null, null, 1000, cursor, null, null, null);
            all.addAll(page.getItems());
            cursor = page.getNextCursor();
        } while (Boolean.TRUE.equals(page.getHasMore()));
        assertFalse(all.isEmpty());
        return all;
    }

    private static String header(ApiResponse<?> response, String name) {
        return response.getHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(h -> h.getValue().get(0)).findFirst().orElseThrow(() -> new AssertionError("no " + name));
    }

    private Problem problem(ApiException error) {
        try {
            return client(null).getObjectMapper().readValue(error.getResponseBody(), Problem.class);
        } catch (IOException e) {
            throw new AssertionError("not a problem body: " + error.getResponseBody(), e);
        }
    }
}
