package org.recsregistry.idempotency;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.Priority;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.recsregistry.common.InvalidParametersException;
import org.recsregistry.common.ProblemException;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Idempotency-Key on POSTs that create something (the IETF httpapi draft, as Stripe does it):
 * the first answer is kept with the write, in its transaction, and a retry with the same key and
 * the same request gets that answer again (status, Location, ETag, body) without a second write;
 * the same key with a different request is a 422. Keys are per token and kept at least 24 hours.
 * Only successful answers are kept: a request that failed can be retried with its key.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class IdempotencyInterceptor {

    public static final String HEADER = "Idempotency-Key";
    /** Set on an answer that repeats the first one rather than being written now. */
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;
    private static final long CLEANUP_EVERY_NANOS = 10L * 60 * 1_000_000_000L;
    private static final Logger LOG = Logger.getLogger(IdempotencyInterceptor.class);

    @Inject
    HttpHeaders headers;

    @Inject
    UriInfo uri;

    @Inject
    SecurityIdentity identity;

    @Inject
    IdempotencyStore store;

    @Inject
    ObjectMapper mapper;

    @Inject
    MeterRegistry metrics;

    private final AtomicLong lastCleanup = new AtomicLong(System.nanoTime());

    @AroundInvoke
    Object once(InvocationContext invocation) throws Exception {
        String header = headers.getHeaderString(HEADER);
        if (header == null) {
            return invocation.proceed();
        }
        String key = validKey(header);
        String principal = identity.getPrincipal().getName();
        String fingerprint = fingerprint(invocation);
        Optional<IdempotencyStore.Answer> first = store.find(principal, key);
        if (first.isPresent()) {
            return replay(first.get(), fingerprint, invocation.getMethod());
        }
        Object answer;
        try {
            answer = QuarkusTransaction.requiringNew().call(() -> {
                store.claim(principal, key, fingerprint);
                Object written = invocation.proceed();
                store.keep(principal, key, kept((RestResponse<?>) written, fingerprint, invocation.getMethod()));
                return written;
            });
        } catch (IdempotencyStore.KeyTakenException e) {
            // A concurrent request with the same key committed first; this one wrote nothing.
            return replay(store.find(principal, key).orElseThrow(), fingerprint, invocation.getMethod());
        }
        cleanUpNowAndThen();
        return answer;
    }

    /** A structured-field string ("...") or a bare token, as clients send both. */
    private static String validKey(String header) {
        String key = header.trim();
        if (key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"")) {
            key = key.substring(1, key.length() - 1);
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw InvalidParametersException.of(HEADER, "must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters");
        }
        return key;
    }

    /** SHA-256 of the method, path and the arguments the request carried (body, path and header parameters). */
    private String fingerprint(InvocationContext invocation) throws Exception {
        Annotation[][] annotations = invocation.getMethod().getParameterAnnotations();
        List<Object> carried = new ArrayList<>();
        for (int i = 0; i < annotations.length; i++) {
            boolean fromContext = false;
            for (Annotation annotation : annotations[i]) {
                fromContext |= annotation instanceof Context;
            }
            if (!fromContext) {
                carried.add(invocation.getParameters()[i]);
            }
        }
        MessageDigest digest = sha256();
        digest.update(("POST " + uri.getPath() + "\n").getBytes(StandardCharsets.UTF_8));
        digest.update(mapper.writeValueAsBytes(carried));
        return HexFormat.of().formatHex(digest.digest());
    }

    private IdempotencyStore.Answer kept(RestResponse<?> answer, String fingerprint, Method method) throws Exception {
        JsonNode body = mapper.valueToTree(answer.getEntity());
        if (body instanceof ObjectNode object) {
            for (String field : method.getAnnotation(Idempotent.class).withheld()) {
                object.remove(field);
            }
        }
        URI location = answer.getLocation();
        return new IdempotencyStore.Answer(fingerprint, answer.getStatus(),
                location == null ? null : location.toString(), answer.getHeaderString(HttpHeaders.ETAG),
                mapper.writeValueAsString(body));
    }

    private RestResponse<?> replay(IdempotencyStore.Answer first, String fingerprint, Method method) throws Exception {
        if (!first.fingerprint().equals(fingerprint)) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key came with a different request; send a new key with a new request.");
        }
        metrics.counter("registry.idempotent.replays").increment();
        JavaType type = mapper.getTypeFactory().constructType(
                ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[0]);
        Object entity = mapper.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .readValue(first.body());
        RestResponse.ResponseBuilder<Object> builder = RestResponse.ResponseBuilder.create(first.status())
                .entity(entity).header(REPLAYED, "true");
        if (first.location() != null) {
            builder.location(URI.create(first.location()));
        }
        if (first.etag() != null) {
            builder.header(HttpHeaders.ETAG, first.etag());
        }
        return builder.build();
    }

    /** Expired keys go at most every ten minutes per instance; a failure here must not fail the write that committed. */
    private void cleanUpNowAndThen() {
        long last = lastCleanup.get();
        long now = System.nanoTime();
        if (now - last < CLEANUP_EVERY_NANOS || !lastCleanup.compareAndSet(last, now)) {
            return;
        }
        try {
            LOG.debugf("Deleted %d expired idempotency keys", store.deleteExpired());
        } catch (RuntimeException e) {
            LOG.debugf("Expired idempotency keys not deleted this time (%s)", e.getMessage());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
