package org.recsregistry.common;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import org.recsregistry.idempotency.Idempotent;
import org.recsregistry.idempotency.IdempotencyInterceptor;

import java.util.List;

/**
 * Documents, in one place, what the route filters add to API operations: to every public read,
 * the conditional request headers, ETag and Last-Modified on 200, and the 304 answer
 * ({@link ConditionalGetFilters}); to every operation that takes a body, the 413 of
 * {@link BodySizeLimit}; to every operation, the 429 of the rate limiter and the 503 of
 * {@link UnavailableGate}; and the Idempotency-Key header that {@code @Idempotent} operations
 * refer to, with their 422.
 */
public class RouteFiltersOpenApiFilter implements OASFilter {

    private static final String UNAVAILABLE = "Unavailable";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getComponents().addParameter(Idempotent.HEADER_PARAMETER, idempotencyKey());
        openAPI.getComponents().addResponse(UNAVAILABLE, problem("The registry is temporarily unavailable (its "
                + "database cannot be reached). Retry after Retry-After; retry a write with the same Idempotency-Key.")
                .addHeader("Retry-After", responseHeader("Seconds to wait before retrying.",
                        ProblemMappers.RETRY_AFTER_SECONDS)));
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            if (!path.startsWith("/api/v1/changes") && !path.startsWith("/api/v1/webhooks") && item.getGET() != null) {
                document(item.getGET());
            }
            item.getOperations().values().forEach(operation -> {
                if (operation.getRequestBody() != null) {
                    operation.getResponses().addAPIResponse("413", problem("The body declares more bytes than "
                            + "the limit (1 MB); the connection is closed after this answer."));
                }
                operation.getResponses().addAPIResponse("429", problem("Too many requests from this client "
                        + "address (reads) or token (writes); retry after Retry-After.")
                        .addHeader("Retry-After", responseHeader("Seconds to wait before the next request.", "2")));
                operation.getResponses().addAPIResponse("503", OASFactory.createAPIResponse().ref(UNAVAILABLE));
                if (operation.getParameters() != null && operation.getParameters().stream()
                        .anyMatch(p -> p.getRef() != null && p.getRef().endsWith("/" + Idempotent.HEADER_PARAMETER))) {
                    operation.getResponses().addAPIResponse("422", problem("The Idempotency-Key was used before "
                            + "with a different request (method, path or body)."));
                }
            });
        });
    }

    private static void document(Operation get) {
        get.addParameter(header("If-None-Match",
                "ETag values from an earlier answer; when one matches the registry's current revision the answer "
                        + "is 304 with no body. Takes precedence over If-Modified-Since.", "W/\"712\""));
        get.addParameter(header("If-Modified-Since",
                "An HTTP date; when the registry has not changed since, the answer is 304 with no body.",
                "Sun, 22 Nov 2026 22:42:31 GMT"));
        APIResponse ok = get.getResponses().getAPIResponse("200");
        if (ok != null) {
            ok.addHeader("ETag", responseHeader("Weak validator of the registry revision this answer reflects.", "W/\"712\""));
            ok.addHeader("Last-Modified", responseHeader("When the registry last changed.", "Sun, 22 Nov 2026 22:42:31 GMT"));
        }
        get.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                .description("Not modified since the validators given; no body.")
                .addHeader("ETag", responseHeader("The current validator.", "W/\"712\"")));
        get.getResponses().addAPIResponse("500", problem("An unexpected error; no internal detail is disclosed."));
    }

    private static Parameter idempotencyKey() {
        return OASFactory.createParameter().name(IdempotencyInterceptor.HEADER).in(Parameter.In.HEADER).required(false)
                .description("A unique value per intended write (a UUID), to make retries safe: a retry with the same "
                        + "key and the same request is answered with the first answer (status, Location, body; "
                        + "Idempotent-Replayed: true) and writes nothing again. Keys are per token and kept at least "
                        + "24 hours. Only successful answers are kept. A new token's or webhook's secret is not "
                        + "repeated in a replay.")
                .example("\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).maxLength(257));
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref("Problem"))));
    }

    private static Parameter header(String name, String description, String example) {
        return OASFactory.createParameter().name(name).in(Parameter.In.HEADER).required(false)
                .description(description).example(example)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
    }

    private static Header responseHeader(String description, String example) {
        return OASFactory.createHeader().description(description).example(example)
                .schema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)));
    }
}
