package org.recsregistry.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Serialized answers of public JSON reads under /api/v1 and of the web pages, each valid for one registry revision.
 *
 * <p>An entry is stored with the revision this instance knew when the request arrived, before
 * anything was read from the database: what was read is at least that new, so serving it while
 * that revision is current is never staler than reading again. Entries of an older revision are
 * never served and the whole cache is dropped when the revision moves (from a notification of a
 * write on any instance, or a local write). Bounded in entries and in bytes: least recently used
 * entries go first; larger answers than registry.cache.max-entry-bytes are not kept.
 */
@ApplicationScoped
public class ResponseCache {

    /**
     * One cached answer: its headers (name, value; as written), its body, the revision it belongs to
     * and the route template the REST layer matched for it (null if it named none).
     */
    public record Entry(long revision, List<Map.Entry<String, String>> headers, byte[] body, String route,
            ByteBuf buffer) {

        public Entry(long revision, List<Map.Entry<String, String>> headers, byte[] body, String route) {
            this(revision, headers, body, route, direct(body));
        }

        /**
         * The body off the heap, where the socket write needs it, so that no answer copies it again.
         * A JDK direct buffer is freed by the collector once the entry is gone; the wrapper is never
         * released by a write, so each answer can send a view of it.
         */
        private static ByteBuf direct(byte[] body) {
            ByteBuffer buffer = ByteBuffer.allocateDirect(body.length).put(body).flip();
            return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(buffer));
        }

        /** A view of the body to send; the bytes are shared, not copied. */
        public ByteBuf send() {
            return buffer.duplicate();
        }

        public String header(String name) {
            for (Map.Entry<String, String> header : headers) {
                if (header.getKey().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }
    }

    @ConfigProperty(name = "registry.cache.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "registry.cache.max-entries", defaultValue = "1000")
    int maxEntries;

    @ConfigProperty(name = "registry.cache.max-entry-bytes", defaultValue = "1048576")
    int maxEntryBytes;

    @ConfigProperty(name = "registry.cache.max-bytes", defaultValue = "33554432")
    long maxBytes;

    @Inject
    RegistryState state;

    @Inject
    MeterRegistry metrics;

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;
    private Counter hits;
    private Counter misses;

    @PostConstruct
    void init() {
        state.onMove(revision -> clear());
        hits = Counter.builder("registry.cache.hits").description("Reads answered from the response cache")
                .register(metrics);
        misses = Counter.builder("registry.cache.misses")
                .description("Cacheable reads that the response cache could not answer").register(metrics);
        Gauge.builder("registry.cache.bytes", this, ResponseCache::bytes).baseUnit("bytes")
                .description("Bytes of body held in the response cache").register(metrics);
        Gauge.builder("registry.cache.entries", this, ResponseCache::size)
                .description("Answers held in the response cache").register(metrics);
    }

    public boolean enabled() {
        return enabled && maxEntries > 0;
    }

    public int maxEntryBytes() {
        return maxEntryBytes;
    }

    /** The entry for this key if it belongs to this revision; an entry of another revision is dropped. */
    public synchronized Entry get(String key, long revision) {
        Entry entry = entries.get(key);
        if (entry != null && entry.revision() != revision) {
            remove(key);
            entry = null;
        }
        (entry == null ? misses : hits).increment();
        return entry;
    }

    /** Stores the entry, then drops least recently used ones until both bounds (count, bytes) hold. */
    public synchronized void put(String key, Entry entry) {
        if (!enabled() || entry.body().length > maxEntryBytes || entry.body().length > maxBytes) {
            return;
        }
        remove(key);
        entries.put(key, entry);
        bytes += entry.body().length;
        Iterator<Map.Entry<String, Entry>> eldest = entries.entrySet().iterator();
        while ((entries.size() > maxEntries || bytes > maxBytes) && eldest.hasNext()) {
            bytes -= eldest.next().getValue().body().length;
            eldest.remove();
        }
    }

    private void remove(String key) {
        Entry removed = entries.remove(key);
        if (removed != null) {
            bytes -= removed.body().length;
        }
    }

    /** Bytes of body held. */
    public synchronized long bytes() {
        return bytes;
    }

    public synchronized int size() {
        return entries.size();
    }

    public synchronized void clear() {
        entries.clear();
        bytes = 0;
    }

    /** Whether answers under this (normalised) path may be cached: JSON reads that are not streams or personal, and the pages. */
    public static boolean cacheablePath(String path) {
        return isPage(path) || path != null && path.startsWith("/api/v1/")
                && !path.startsWith("/api/v1/export")
                && !path.startsWith("/api/v1/changes/stream")
                && !path.startsWith("/api/v1/changes.atom")
                && !path.startsWith("/api/v1/audit")
                && !path.startsWith("/api/v1/tokens")
                && !path.startsWith("/api/v1/admin");
    }

    /** The web pages (HTML, see org.recsregistry.web): public reads of the registry like the JSON ones. */
    public static boolean isPage(String path) {
        return path != null && (path.equals("/") || path.equals("/recommendations")
                || path.startsWith("/recommendations/") || path.startsWith("/addressees/")
                || path.startsWith("/sources/"));
    }

    /**
     * The cache key: the path and the query parameters sorted by name (the values of one name keep
     * their order), each decoded and encoded again so that equivalent spellings share an entry. Null when
     * the query cannot be read or asks for a long poll ({@code wait}), which must not be answered early.
     */
    public static String key(String path, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return path;
        }
        List<Map.Entry<String, String>> params = new ArrayList<>();
        try {
            for (String part : rawQuery.split("&")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                String name = canonical(eq < 0 ? part : part.substring(0, eq));
                String value = eq < 0 ? "" : canonical(part.substring(eq + 1));
                if (name.equals("wait")) {
                    return null;
                }
                params.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
            }
        } catch (IllegalArgumentException e) {
            return null;
        }
        params.sort(Map.Entry.comparingByKey(Comparator.naturalOrder()));
        StringBuilder key = new StringBuilder(path).append('?');
        for (Map.Entry<String, String> param : params) {
            key.append(param.getKey()).append('=').append(param.getValue()).append('&');
        }
        return key.toString();
    }

    /**
     * A query parameter's name or value as the key spells it: decoded and encoded again. A plain
     * spelling (letters, digits, {@code .-*_}, as most filters are) is already that, and is taken as
     * it is: this runs on every cached read, and the round trip was a good part of what one allocates.
     */
    private static String canonical(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '.' || c == '-' || c == '*' || c == '_')) {
                return URLEncoder.encode(URLDecoder.decode(raw, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
            }
        }
        return raw;
    }
}
