package org.recsregistry.security;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.SecurityHandlerPriorities;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.recsregistry.common.RouteTemplates;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Token buckets per client on reads (by address) and per bearer token on writes, answered with
 * 429 and Retry-After. A conditional read costs a tenth of a plain one, so pollers that use
 * ETags can poll often. Limits are per instance. Behind a trusted proxy the client's address is
 * the one the proxy forwarded (quarkus.http.proxy.*, see application.properties).
 */
@ApplicationScoped
public class RateLimiter {

    private static final double CONDITIONAL_COST = 0.1;
    private static final int MAX_CLIENTS = 100_000;

    @Inject
    RateLimitConfig config;

    @Inject
    MeterRegistry metrics;

    private final BucketTable buckets = new BucketTable(MAX_CLIENTS);
    private Counter readRefusals;
    private Counter writeRefusals;

    @PostConstruct
    void init() {
        readRefusals = refusals("read");
        writeRefusals = refusals("write");
    }

    private Counter refusals(String kind) {
        return Counter.builder("registry.rate.limit.refusals").tag("kind", kind)
                .description("Requests refused with 429 because the client's bucket was empty").register(metrics);
    }

    /**
     * The buckets by client, at most {@code capacity} of them: when a new client would pass that, the
     * least recently seen one goes, so a flood of new addresses cannot refill everyone else's bucket.
     */
    static final class BucketTable {
        private final Map<String, Bucket> buckets;

        BucketTable(int capacity) {
            buckets = new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized Bucket get(String key, Supplier<Bucket> create) {
            return buckets.computeIfAbsent(key, k -> create.get());
        }

        synchronized int size() {
            return buckets.size();
        }
    }

    /** A bucket of tokens that refills continuously up to its capacity; counted in thousandths, so costs add up exactly. */
    static final class Bucket {
        private final long capacity;
        private final double perNano;
        private long tokens;
        private long updated = System.nanoTime();

        Bucket(double capacity, double perSecond) {
            this.capacity = Math.round(capacity * 1000);
            this.perNano = perSecond * 1000 / 1e9;
            this.tokens = this.capacity;
        }

        /** Takes the cost if it is there; otherwise answers how many seconds until it would be. */
        synchronized long take(double cost) {
            long now = System.nanoTime();
            long refill = (long) ((now - updated) * perNano);
            if (refill > 0) {
                tokens = Math.min(capacity, tokens + refill);
                updated = now;
            }
            long needed = Math.round(cost * 1000);
            if (tokens >= needed) {
                tokens -= needed;
                return 0;
            }
            return (long) Math.ceil((needed - tokens) / perNano / 1e9);
        }
    }

    void register(@Observes Filters filters) {
        filters.register(this::limit, SecurityHandlerPriorities.AUTHENTICATION + 15);
    }

    void limit(RoutingContext context) {
        if (!config.enabled() || !context.request().path().startsWith("/api/")) {
            context.next();
            return;
        }
        HttpMethod method = context.request().method();
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS;
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        String key = read || authorization == null
                ? "r:" + context.request().remoteAddress().hostAddress()
                : "w:" + TokenSecrets.hash(authorization);
        Bucket bucket = buckets.get(key, () -> read
                ? new Bucket(config.readBurst(), config.readsPerSecond())
                : new Bucket(config.writeBurst(), config.writesPerSecond()));
        boolean conditional = context.request().getHeader(HttpHeaders.IF_NONE_MATCH) != null
                || context.request().getHeader(HttpHeaders.IF_MODIFIED_SINCE) != null;
        long wait = bucket.take(read && conditional ? CONDITIONAL_COST : 1);
        if (wait == 0) {
            context.next();
            return;
        }
        (read ? readRefusals : writeRefusals).increment();
        RouteTemplates.nameRefusal(context);
        context.response().setStatusCode(429)
                .putHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, wait)))
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                .end("{\"type\":\"https://recsregistry.org/problems/too-many-requests\",\"title\":\"Too many requests\","
                        + "\"status\":429,\"detail\":\"Slow down: retry after the number of seconds in Retry-After.\"}");
    }
}
