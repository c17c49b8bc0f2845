package org.recsregistry.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.Locale;

/**
 * Lets a client that accepts the error type read every answer: an Accept that names
 * application/problem+json gains a low-priority {@code *}/{@code *}, so that the resource's own type
 * is chosen instead of a 406. Generated clients send only the error type when a success has no body
 * (204), and an answer must not depend on whether the response cache holds it, so this runs first
 * and the cache and the REST layer see the same Accept.
 */
@ApplicationScoped
public class AcceptNegotiation {

    private static final String PROBLEM = Problem.MEDIA_TYPE;
    private static final String ANY_OTHER = "*/*;q=0.01";

    void register(@Observes Filters filters) {
        filters.register(this::widen, SecurityHandlerPriorities.AUTHENTICATION + 40);
    }

    void widen(RoutingContext context) {
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        if (accept != null && mediaRanges(accept, PROBLEM) && !mediaRanges(accept, "*/*")) {
            context.request().headers().set(HttpHeaders.ACCEPT, accept + ", " + ANY_OTHER);
        }
        context.next();
    }

    /** Whether the Accept header admits a JSON answer; a missing Accept admits anything. */
    public static boolean acceptsJson(String accept) {
        return accept == null || mediaRanges(accept, "application/json") || mediaRanges(accept, "application/*")
                || mediaRanges(accept, "*/*");
    }

    /** Whether one of the media ranges of an Accept header is exactly this type (parameters aside). */
    private static boolean mediaRanges(String accept, String type) {
        for (String range : accept.split(",")) {
            int semicolon = range.indexOf(';');
            String name = (semicolon < 0 ? range : range.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
            if (name.equals(type)) {
                return true;
            }
        }
        return false;
    }
}
