package org.recsregistry.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Optional;

/**
 * Refuses a body that declares more than quarkus.http.limits.max-body-size with a problem detail.
 * Vert.x would refuse it too, a step later, with an empty 413; a body sent in chunks without a
 * length is still cut off there, as the README says.
 */
@ApplicationScoped
public class BodySizeLimit {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size")
    Optional<MemorySize> maxBodySize;

    @Inject
    ObjectMapper json;

    void register(@Observes Filters filters) {
        filters.register(this::check, SecurityHandlerPriorities.AUTHENTICATION + 30);
    }

    void check(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = maxBodySize.map(MemorySize::asLongValue).orElse(Long.MAX_VALUE);
        if (declared == null || !isLarger(declared, limit)) {
            context.next();
            return;
        }
        Problem problem = new Problem(Problem.TYPE_BASE + "body-too-large", "Request body too large", 413,
                "The body may have at most " + limit + " bytes.", context.request().path(),
                List.of(new Problem.InvalidParam("body", "declares " + declared + " bytes; at most " + limit)));
        // The body is never read, so the connection cannot carry another request: closed once answered.
        context.response().endHandler(ended -> context.request().connection().close());
        RouteTemplates.nameRefusal(context);
        String body;
        try {
            body = json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            context.fail(e);
            return;
        }
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(body);
    }

    /** Whether a Content-Length exceeds the limit; one that is not a number is left to Vert.x (400). */
    private static boolean isLarger(String declared, long limit) {
        if (!declared.matches("[0-9]{1,19}")) {
            return false;
        }
        try {
            return Long.parseLong(declared) > limit;
        } catch (NumberFormatException e) {
            return true; // more digits than a long holds
        }
    }
}
