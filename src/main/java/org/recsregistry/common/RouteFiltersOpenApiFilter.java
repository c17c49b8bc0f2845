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

import java.util.List;

/**
 * Documents, in one place, what the route filters add to API operations: to every public read,
 * the conditional request headers, ETag and Last-Modified on 200, and the 304 answer
 * ({@link ConditionalGetFilters}); to every operation that takes a body, the 413 of
 * {@link BodySizeLimit}; to every operation, the 429 of the rate limiter.
 */
public class RouteFiltersOpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
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
