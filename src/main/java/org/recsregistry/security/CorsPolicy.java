package org.recsregistry.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.recsregistry.common.RouteTemplates;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * CORS: reads from any origin, writes only from the configured origins. A browser write from
 * another origin is refused before it reaches the application.
 */
@ApplicationScoped
public class CorsPolicy {

    static final String EXPOSED = "ETag, Last-Modified, Link, Location, Retry-After, X-Poll-Interval, X-Feed-Cursor, "
            + "Idempotent-Replayed";
    static final String WRITE_METHODS = "POST, PUT, PATCH, DELETE";
    static final String REQUEST_HEADERS = "Authorization, Content-Type, If-Match, If-None-Match, If-Modified-Since, "
            + "Last-Event-ID";
    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    @ConfigProperty(name = "registry.cors.write-origins")
    Optional<List<String>> writeOrigins;

    void register(@Observes Filters filters) {
        filters.register(this::apply, SecurityHandlerPriorities.AUTHENTICATION + 20);
    }

    void apply(RoutingContext context) {
        String origin = context.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            context.next();
            return;
        }
        var response = context.response();
        response.headers().add(HttpHeaders.VARY, "Origin");
        boolean preflight = context.request().method() == HttpMethod.OPTIONS
                && context.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
        HttpMethod wanted = preflight
                ? requestedMethod(context.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD))
                : context.request().method();
        boolean read = wanted != null && READS.contains(wanted);
        boolean allowed = wanted != null && (read || writeOrigins.orElse(List.of()).contains(origin));
        if (allowed) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, read ? "*" : origin);
            response.putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED);
        }
        if (preflight) {
            if (allowed) {
                response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, read ? "GET, HEAD" : WRITE_METHODS)
                        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, REQUEST_HEADERS)
                        .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
            }
            if (allowed) {
                response.setStatusCode(204).end();
            } else {
                refuse(context);
            }
            return;
        }
        if (!allowed) {
            refuse(context);
            return;
        }
        context.next();
    }

    private static void refuse(RoutingContext context) {
        RouteTemplates.nameRefusal(context);
        context.response().setStatusCode(403).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end("{\"type\":\"https://recsregistry.org/problems/forbidden-origin\",\"title\":\"Forbidden origin\","
                        + "\"status\":403,\"detail\":\"Writes are accepted only from the configured origins.\"}");
    }

    /** The method a preflight asks for; null when it is not a method name at all (empty, spaces). */
    private static HttpMethod requestedMethod(String name) {
        try {
            return HttpMethod.valueOf(name);
        } catch (IllegalArgumentException notAMethod) {
            return null;
        }
    }
}
