package org.recsregistry.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.recsregistry.db.DatabaseAvailability;
import org.recsregistry.db.DatabaseUnavailableException;

import java.util.List;

/** Maps every exception to an RFC 9457 problem; no stack trace or internal detail reaches a client. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Seconds a client should wait before retrying while the database is unreachable; it is usually back within a few. */
    public static final String RETRY_AFTER_SECONDS = "2";

    @Inject
    DatabaseAvailability availability;

    @ServerExceptionMapper
    public Response invalidParameters(InvalidParametersException e, UriInfo uri) {
        return problem(400, "invalid-parameters", "Invalid parameters", e.getMessage(), uri, e.invalidParams());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.InvalidParam> params = e.getConstraintViolations().stream()
                .map(v -> new Problem.InvalidParam(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(400, "invalid-parameters", "Invalid parameters",
                new InvalidParametersException(params).getMessage(), uri, params);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e, UriInfo uri) {
        return problem(404, "not-found", "Not found", e.getMessage(), uri, null);
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return problem(e.status(), e.type(), e.title(), e.getMessage(), uri, null);
    }

    /** Two writes raced on one record: the one that lost read a version that is gone. */
    @ServerExceptionMapper
    public Response lostRace(OptimisticLockException e, UriInfo uri) {
        return problem(412, "precondition-failed", "Precondition failed",
                "The record was changed by a concurrent write; read it again and reapply your change.", uri, null);
    }

    /** Counted and logged once per outage by {@link DatabaseAvailability}, not per request. */
    @ServerExceptionMapper
    public Response databaseUnavailable(DatabaseUnavailableException e, UriInfo uri) {
        availability.requestFailed(e);
        return unavailable(uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        if (DatabaseAvailability.isConnectionFailure(e)) {
            // The token could not be looked up: not the client's fault, and not a bad token.
            availability.requestFailed(e);
            return unavailable(uri);
        }
        return Response.fromResponse(problem(401, "unauthorized", "Unauthorized",
                        "This needs 'Authorization: Bearer <token>' with a valid token.", uri, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "forbidden", "Forbidden", "Your token does not have the role this needs.", uri, null);
    }

    /** Unreadable JSON, a wrong type or an unknown field in a request body (named so as to beat the built-in mappers). */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, MismatchedInputException.class,
            UnrecognizedPropertyException.class, InvalidFormatException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? mapping.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("body")
                : "body";
        String reason = e instanceof UnrecognizedPropertyException ? "unknown field"
                : e instanceof JsonParseException ? "is not valid JSON"
                : "has the wrong type or format";
        return problem(400, "invalid-body", "Invalid request body", "The request body cannot be read.", uri,
                List.of(new Problem.InvalidParam(field, reason)));
    }

    /** Keeps the status the framework chose (404 unknown path, 405, 406, 415 ...). */
    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500 && DatabaseAvailability.isConnectionFailure(e)) {
            availability.requestFailed(e);
            return unavailable(uri);
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return problem(500, "internal-error", "Internal error", "The request could not be completed.", uri, null);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Client error" : known.getReasonPhrase();
        return problem(status, "http-" + status, title, title, uri, null);
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        if (DatabaseAvailability.isConnectionFailure(e)) {
            availability.requestFailed(e);
            return unavailable(uri);
        }
        LOG.error("Unexpected error", e);
        return problem(500, "internal-error", "Internal error", "The request could not be completed.", uri, null);
    }

    /**
     * 503 with Retry-After. A write that failed while committing may or may not have been recorded,
     * hence the advice to retry writes with the same Idempotency-Key.
     */
    static Response unavailable(UriInfo uri) {
        return Response.fromResponse(problem(503, "unavailable", "The registry is temporarily unavailable",
                        "The registry cannot answer this request right now. Retry after the seconds in Retry-After; "
                                + "retry a write with the same Idempotency-Key so that it is recorded once.", uri, null))
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    static Response problem(int status, String type, String title, String detail, UriInfo uri,
                            List<Problem.InvalidParam> invalidParams) {
        Problem body = new Problem(Problem.TYPE_BASE + type, title, status, detail,
                uri == null ? null : uri.getRequestUri().getRawPath(), invalidParams);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(body).build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
