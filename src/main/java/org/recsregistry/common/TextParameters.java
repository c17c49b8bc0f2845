package org.recsregistry.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;
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
    public void refuseNul(ContainerRequestContext context) {
        List<Problem.InvalidParam> problems = new ArrayList<>();
        collect(context.getUriInfo().getPathParameters(), problems);
        collect(context.getUriInfo().getQueryParameters(), problems);
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
    }

    private static void collect(MultivaluedMap<String, String> params, List<Problem.InvalidParam> problems) {
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (e.getValue().stream().anyMatch(v -> v != null && v.indexOf('\u0000') >= 0)) {
                problems.add(new Problem.InvalidParam(e.getKey(), "must not contain a NUL character"));
            }
        }
    }
}
