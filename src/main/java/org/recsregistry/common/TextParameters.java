package org.recsregistry.common;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Refuses path and query parameters holding a NUL character (%00) with a 400 naming them. No id,
 * code or filter can contain one, and PostgreSQL cannot take one as text: left through, it ended
 * as "invalid byte sequence" and a 500.
 */
public class TextParameters {

    @ServerRequestFilter
    public void refuseNul(UriInfo uri, RoutingContext routing) {
        List<Problem.InvalidParam> problems = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : uri.getPathParameters().entrySet()) {
            check(e.getKey(), e.getValue(), problems);
        }
        // The query as Vert.x parsed it for the @QueryParams; UriInfo would parse and decode it again.
        MultiMap query = routing.queryParams();
        for (String name : query.names()) {
            check(name, query.getAll(name), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
    }

    private static void check(String name, List<String> values, List<Problem.InvalidParam> problems) {
        for (String value : values) {
            if (value != null && value.indexOf('\u0000') >= 0) {
                problems.add(new Problem.InvalidParam(name, "must not contain a NUL character"));
                return;
            }
        }
    }
}
