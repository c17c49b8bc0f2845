package org.recsregistry.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import org.recsregistry.common.AcceptNegotiation;
import org.recsregistry.common.BodySizeLimit;
import org.recsregistry.common.ConditionalGetFilters;
import org.recsregistry.common.KnownParameters;
import org.recsregistry.common.MergePatch;
import org.recsregistry.common.Problem;
import org.recsregistry.common.ProblemMappers;
import org.recsregistry.common.UnavailableGate;
import org.recsregistry.idempotency.Idempotent;
import org.recsregistry.idempotency.IdempotencyInterceptor;

import java.util.ArrayList;
import java.util.List;

/**
 * Assembles the contract on top of every package: documents, in one place, what applies to API operations by rule rather than one by one: to every
 * public read, the conditional request headers, ETag and Last-Modified on 200, and the 304 answer
 * ({@link ConditionalGetFilters}); to every operation, the 400 of an invalid parameter or of one it
 * does not take ({@link KnownParameters}); to every operation that takes a body, the 400, 413
 * ({@link BodySizeLimit}) and 415 answers; to every protected operation, 401 and 403, and to every
 * public one an empty security requirement; to every operation, the 406 (see {@link AcceptNegotiation}),
 * the 429 of the rate limiter and the 503 of {@link UnavailableGate}; and the Idempotency-Key header
 * that {@code @Idempotent} operations refer to, with their 422. Also keeps the generated document acceptable to linters and generators: every error
 * answer declared without a body gets the {@link Problem} body, array parameters get array examples
 * and merge-patch bodies require no field.
 */
public class RouteFiltersOpenApiFilter implements OASFilter {

    /** The registry revision's validator, weak: answers about many records share it. */
    static final String WEAK_ETAG_EXAMPLE = "W/\"712\"";
    private static final String HTTP_DATE_EXAMPLE = "Sun, 22 Nov 2026 22:42:31 GMT";
    private static final String SCHEMA_PREFIX = "#/components/schemas/";
    private static final String UNAVAILABLE = "Unavailable";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        nullableReferencesAcceptNull(openAPI);
        openAPI.getComponents().addParameter(Idempotent.HEADER_PARAMETER, idempotencyKey());
        openAPI.getComponents().addResponse(UNAVAILABLE, problem("The registry is temporarily unavailable (its "
                + "database cannot be reached). Retry after Retry-After; retry a write with the same Idempotency-Key.")
                .addHeader("Retry-After", responseHeader("Seconds to wait before retrying.",
                        ProblemMappers.RETRY_AFTER_SECONDS)));
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> {
                boolean isPublic = operation.getSecurity() == null || operation.getSecurity().isEmpty();
                if (isPublic) {
                    operation.setSecurity(new ArrayList<>());
                } else {
                    addIfAbsent(operation, "401", problem("No valid bearer token; WWW-Authenticate: Bearer.")
                            .addHeader("WWW-Authenticate", responseHeader("The scheme to authenticate with.", "Bearer")));
                    addIfAbsent(operation, "403", problem("The token lacks the role this needs."));
                }
                if (isPublic && method == PathItem.HttpMethod.GET && !path.startsWith("/api/v1/changes")) {
                    documentConditionalGet(operation);
                }
                addIfAbsent(operation, "400", problem("A parameter is invalid, or is not one this operation takes; "
                        + "each one is named in invalidParams."));
                addIfAbsent(operation, "406", problem("Accept admits neither this operation's media type nor "
                        + "application/problem+json (an Accept that names the latter gets the former)."));
                if (operation.getRequestBody() != null) {
                    addIfAbsent(operation, "400", problem("The body is invalid; each offending field is named in "
                            + "invalidParams."));
                    operation.getResponses().addAPIResponse("413", problem("The body declares more bytes than "
                            + "the limit (1 MB); the connection is closed after this answer."));
                    addIfAbsent(operation, "415", problem("The body's Content-Type is not one this operation takes."));
                    relaxMergePatch(openAPI, operation);
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
                arrayExamples(operation);
                operation.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (status.matches("[45]\\d\\d") && response.getContent() == null && response.getRef() == null) {
                        response.setContent(problem(response.getDescription()).getContent());
                    }
                });
            });
        });
    }

    /**
     * Record reads declare their own strong ETag (the one If-Match takes); the rest carry the
     * registry revision's weak one.
     */
    private static void documentConditionalGet(Operation get) {
        get.addParameter(header("If-None-Match",
                "ETag values from an earlier answer; when one matches, the answer is 304 with no body (weak "
                        + "comparison: W/\"712\" and \"712\" match alike). Takes precedence over If-Modified-Since.",
                WEAK_ETAG_EXAMPLE));
        get.addParameter(header("If-Modified-Since",
                "An HTTP date; when the registry has not changed since, the answer is 304 with no body.",
                HTTP_DATE_EXAMPLE));
        APIResponse ok = get.getResponses().getAPIResponse("200");
        Header etag = responseHeader("Weak validator of the registry revision this answer reflects.", WEAK_ETAG_EXAMPLE);
        if (ok != null) {
            if (ok.getHeaders() != null && ok.getHeaders().containsKey("ETag")) {
                etag = ok.getHeaders().get("ETag");
            }
            ok.addHeader("ETag", etag);
            ok.addHeader("Last-Modified", responseHeader("When the registry last changed.", HTTP_DATE_EXAMPLE));
        }
        get.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                .description("Not modified since the validators given; no body.")
                .addHeader("ETag", etag));
        get.getResponses().addAPIResponse("500", problem("An unexpected error; no internal detail is disclosed."));
    }

    /** A merge patch may leave out any field: the schemas it refers to require none (each is used for patches only). */
    private static void relaxMergePatch(OpenAPI openAPI, Operation operation) {
        if (operation.getRequestBody().getContent() == null || openAPI.getComponents() == null) {
            return;
        }
        MediaType patch = operation.getRequestBody().getContent().getMediaType(MergePatch.MEDIA_TYPE);
        if (patch == null || patch.getSchema() == null || patch.getSchema().getRef() == null) {
            return;
        }
        String name = patch.getSchema().getRef().substring(SCHEMA_PREFIX.length());
        Schema schema = openAPI.getComponents().getSchemas().get(name);
        if (schema != null) {
            schema.setRequired(null);
        }
    }

    /** A repeatable query parameter is an array: its example must be one too. */
    private static void arrayExamples(Operation operation) {
        if (operation.getParameters() == null) {
            return;
        }
        for (Parameter parameter : operation.getParameters()) {
            Schema schema = parameter.getSchema();
            if (schema != null && schema.getType() != null && schema.getType().contains(Schema.SchemaType.ARRAY)
                    && parameter.getExample() != null && !(parameter.getExample() instanceof List<?>)) {
                parameter.setExample(List.of(parameter.getExample()));
            }
        }
    }

    /**
     * A nullable property that refers to an object schema is generated as {@code type: object} with
     * {@code anyOf: [ref, null]}, which still refuses null: its type admits null too.
     */
    private static void nullableReferencesAcceptNull(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        for (Schema schema : openAPI.getComponents().getSchemas().values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            for (Schema property : schema.getProperties().values()) {
                boolean nullable = property.getAnyOf() != null && property.getAnyOf().stream()
                        .anyMatch(option -> option.getType() != null && option.getType().contains(Schema.SchemaType.NULL));
                if (nullable && property.getType() != null && !property.getType().contains(Schema.SchemaType.NULL)) {
                    List<Schema.SchemaType> types = new ArrayList<>(property.getType());
                    types.add(Schema.SchemaType.NULL);
                    property.setType(types);
                }
            }
        }
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

    private static void addIfAbsent(Operation operation, String status, APIResponse response) {
        if (operation.getResponses().getAPIResponse(status) == null) {
            operation.getResponses().addAPIResponse(status, response);
        }
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
