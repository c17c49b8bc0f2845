package org.recsregistry.common;

import io.vertx.core.Context;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Names the route of an answer given before the REST layer, for the {@code http_server_requests}
 * metrics. Micrometer tags a request with the route template the REST layer matched; an early answer
 * has none, and its path (with a record id in it) must not become a series of its own. A cached answer
 * takes the template its first answer had ({@link #of}, {@link #name}); a refusal (413, 403, 429),
 * which is rare, is matched against the templates with ids below ({@link #nameRefusal}).
 *
 * <p>Micrometer's own match patterns would do the same, but it tries every one of them on every
 * request: a dozen regex matchers, a quarter of what a cached read allocated.
 */
public final class RouteTemplates {

    /**
     * Where Quarkus's REST layer puts the template it matched, in the request's context, and where
     * Micrometer reads it (Quarkus's ObservabilityUtil). Not a published API: MetricsTest fails if it moves.
     */
    private static final String KEY = "UrlPathTemplate";

    private static final Map<Pattern, String> WITH_IDS = Map.ofEntries(
            template("/api/v1/addressees/[^/]+", "/api/v1/addressees/{code}"),
            template("/api/v1/recommendations/[^/]+", "/api/v1/recommendations/{id}"),
            template("/api/v1/recommendations/[^/]+/status-events", "/api/v1/recommendations/{id}/status-events"),
            template("/api/v1/sources/[^/]+", "/api/v1/sources/{id}"),
            template("/api/v1/themes/[^/]+", "/api/v1/themes/{code}"),
            template("/api/v1/tokens/[^/]+", "/api/v1/tokens/{id}"),
            template("/api/v1/webhooks/[^/]+", "/api/v1/webhooks/{id}"),
            template("/api/v1/webhooks/[^/]+/deliveries", "/api/v1/webhooks/{id}/deliveries"),
            template("/api/v1/webhooks/[^/]+/test", "/api/v1/webhooks/{id}/test"),
            template("/recommendations/[^/]+", "/recommendations/{id}"),
            template("/addressees/[^/]+", "/addressees/{code}"),
            template("/sources/[^/]+", "/sources/{id}"));

    private RouteTemplates() {
    }

    /** The template the REST layer matched for this request; null before it has. */
    public static String of(RoutingContext routing) {
        return (String) context(routing).getLocal(KEY);
    }

    /** Names this request's route, as the REST layer would have. */
    public static void name(RoutingContext routing, String template) {
        if (template != null) {
            context(routing).putLocal(KEY, template);
        }
    }

    /** Names the route of a request refused before the REST layer; a path without an id keeps its own name. */
    public static void nameRefusal(RoutingContext routing) {
        name(routing, withId(routing.normalizedPath()));
    }

    /** The template with ids that {@code path} matches; null for a path without one. */
    static String withId(String path) {
        for (Map.Entry<Pattern, String> template : WITH_IDS.entrySet()) {
            if (template.getKey().matcher(path).matches()) {
                return template.getValue();
            }
        }
        return null;
    }

    private static Map.Entry<Pattern, String> template(String regex, String template) {
        return Map.entry(Pattern.compile(regex), template);
    }

    private static Context context(RoutingContext routing) {
        return ((HttpServerRequestInternal) routing.request()).context();
    }
}
