package org.recsregistry.recommendation;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.recsregistry.common.RegistryState;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * How many recommendations match a filter, kept for the registry revision they were counted at.
 * A client walking the pages of a large result asks for a new URL each page, which the response
 * cache cannot answer, and the count over all matches costs far more than the page itself; this
 * way the walk counts once. The revision is read before counting, so a count is never older than
 * the revision it is kept for; every count is dropped when the revision moves.
 */
@ApplicationScoped
class MatchCounts {

    private static final int MAX_ENTRIES = 256;

    private record Count(long revision, long matches) {
    }

    @ConfigProperty(name = "registry.cache.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    RegistryState state;

    private final Map<String, Count> counts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Count> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    @PostConstruct
    void init() {
        state.onMove(revision -> clear());
    }

    /** The count for this filter at the current revision: kept, or counted now and kept. */
    long count(String filter, LongSupplier counter) {
        Optional<RegistryState.Revision> revision = enabled ? state.known() : Optional.empty();
        if (revision.isEmpty()) {
            return counter.getAsLong();
        }
        long number = revision.get().number();
        synchronized (this) {
            Count kept = counts.get(filter);
            if (kept != null && kept.revision() == number) {
                return kept.matches();
            }
        }
        long matches = counter.getAsLong();
        synchronized (this) {
            counts.put(filter, new Count(number, matches));
        }
        return matches;
    }

    private synchronized void clear() {
        counts.clear();
    }
}
