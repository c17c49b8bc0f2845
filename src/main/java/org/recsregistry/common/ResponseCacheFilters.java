package org.recsregistry.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Answers cached reads (and their conditional GETs) before they reach the REST layer, and arranges
 * for a missed read to be stored once it is written (its body is captured by
 * {@link ResponseCacheCapture}, its headers here as they are sent).
 *
 * <p>Runs after the CORS and rate-limit filters (lower priority), so both still apply to cached
 * answers, and, like them, before authentication (a higher priority than Quarkus's authentication
 * handler): a cached answer is public and skips the security handlers, whose per-request work (with
 * Micrometer present, Quarkus rebuilds the REST route table to name the route) cost it about a
 * third of its throughput. Metrics still name its route: the entry keeps the template its first answer had.
 * Skipped for anything but GET, for requests with Authorization (never cached, never
 * served from the cache), for API requests that do not accept JSON (as {@link AcceptNegotiation} reads
 * Accept, so that the REST layer would choose JSON too; the pages are HTML only), and while the revision in memory
 * cannot be trusted.
 */
@ApplicationScoped
public class ResponseCacheFilters {

    static final String PENDING = ResponseCacheFilters.class.getName() + ".pending";

    /** The headers that belong to the answer itself; the rest (CORS, security headers, Date) are added per request. */
    private static final Set<String> KEPT = caseInsensitive("content-type", "etag", "last-modified", "link",
            "cache-control", "x-poll-interval", "content-disposition", "x-feed-cursor");
    /** The headers a 304 repeats (RFC 9110 15.4.5). */
    private static final Set<String> KEPT_ON_304 = caseInsensitive("etag", "last-modified", "cache-control",
            "x-poll-interval");

    /** A read being answered by the REST layer, to be cached once written. */
    static final class Pending {
        final String key;
        final long revision;
        volatile byte[] body;
        volatile List<Map.Entry<String, String>> headers;

        Pending(String key, long revision) {
            this.key = key;
            this.revision = revision;
        }
    }

    @Inject
    ResponseCache cache;

    @Inject
    RegistryState state;

    void register(@Observes Filters filters) {
        filters.register(this::serve, SecurityHandlerPriorities.AUTHENTICATION + 10);
    }

    void serve(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.method() != HttpMethod.GET || !cache.enabled()) {
            context.next();
            return;
        }
        String path = context.normalizedPath();
        boolean page = ResponseCache.isPage(path);
        if (!ResponseCache.cacheablePath(path) || request.getHeader(HttpHeaders.AUTHORIZATION) != null
                || !page && !AcceptNegotiation.acceptsJson(request.getHeader(HttpHeaders.ACCEPT))) {
            context.next();
            return;
        }
        Optional<RegistryState.Revision> revision = state.known();
        String key = revision.isPresent() ? ResponseCache.key(path, request.query()) : null;
        if (key == null) {
            context.next();
            return;
        }
        ResponseCache.Entry entry = cache.get(key, revision.get().number());
        if (entry != null) {
            RouteTemplates.name(context, entry.route());
            answer(request, context.response(), entry);
            return;
        }
        Pending pending = new Pending(key, revision.get().number());
        context.put(PENDING, pending);
        HttpServerResponse response = context.response();
        context.addHeadersEndHandler(v -> pending.headers = kept(response.headers()));
        context.addBodyEndHandler(v -> {
            if (response.getStatusCode() == 200 && pending.body != null && pending.headers != null
                    && (page ? isHtml(response.headers().get(HttpHeaders.CONTENT_TYPE))
                            : isJson(response.headers().get(HttpHeaders.CONTENT_TYPE)))) {
                cache.put(pending.key, new ResponseCache.Entry(pending.revision, pending.headers, pending.body,
                        RouteTemplates.of(context)));
            }
        });
        context.next();
    }

    private static void answer(HttpServerRequest request, HttpServerResponse response, ResponseCache.Entry entry) {
        boolean notModified = notModified(request, entry);
        for (Map.Entry<String, String> header : entry.headers()) {
            if (!notModified || KEPT_ON_304.contains(header.getKey())) {
                response.headers().add(header.getKey(), header.getValue());
            }
        }
        if (notModified) {
            response.setStatusCode(304).end();
        } else {
            response.setStatusCode(200).end(Buffer.buffer(entry.send()));
        }
    }

    /** If-None-Match decides alone when present (weak comparison); else If-Modified-Since against Last-Modified. */
    static boolean notModified(HttpServerRequest request, ResponseCache.Entry entry) {
        String ifNoneMatch = request.getHeader(HttpHeaders.IF_NONE_MATCH);
        String etag = entry.header("ETag");
        if (ifNoneMatch != null) {
            return etag != null && IfNoneMatch.matches(ifNoneMatch, etag);
        }
        String ifModifiedSince = request.getHeader(HttpHeaders.IF_MODIFIED_SINCE);
        String lastModified = entry.header("Last-Modified");
        if (ifModifiedSince == null || lastModified == null) {
            return false;
        }
        try {
            return !ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .isAfter(ZonedDateTime.parse(ifModifiedSince, DateTimeFormatter.RFC_1123_DATE_TIME));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static Set<String> caseInsensitive(String... names) {
        Set<String> set = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        set.addAll(List.of(names));
        return Collections.unmodifiableSet(set);
    }

    private static List<Map.Entry<String, String>> kept(MultiMap headers) {
        List<Map.Entry<String, String>> kept = new ArrayList<>();
        headers.forEach(header -> {
            if (KEPT.contains(header.getKey())) {
                kept.add(new AbstractMap.SimpleImmutableEntry<>(header.getKey(), header.getValue()));
            }
        });
        return List.copyOf(kept);
    }

    private static boolean isHtml(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("application/json");
    }
}
