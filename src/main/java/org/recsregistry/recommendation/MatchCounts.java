package org.recsregistry.recommendation;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.recsregistry.common.RegistryState;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How many recommendations match a filter that the kept counts cannot answer (full text, evidence kind,
 * updatedSince with asOf), kept for the registry revision they were counted at, so that a client walking the pages of a
 * large result counts once. The revision is taken before counting, so a count is never older than the
 * revision it is kept for; every count is dropped when the revision moves.
 */
@ApplicationScoped
class MatchCounts {

    private static final int MAX_ENTRIES = 256;

    /** A count about to be made, or already known, for a filter at a revision (empty: not kept). */
    record Lookup(RecommendationFilter filter, Optional<Long> revision, Optional<Long> known) {
    }

    private record Count(long revision, long matches) {
    }

    @ConfigProperty(name = "registry.cache.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    RegistryState state;

    private final Map<RecommendationFilter, Count> counts = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<RecommendationFilter, Count> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    @PostConstruct
    void init() {
        state.onMove(revision -> clear());
    }

    Lookup lookup(RecommendationFilter filter) {
        Optional<Long> revision = enabled && !filter.countedFromKeptCounts()
                ? state.known().map(RegistryState.Revision::number) : Optional.empty();
        if (revision.isEmpty()) {
            return new Lookup(filter, revision, Optional.empty());
        }
        synchronized (this) {
            Count kept = counts.get(filter);
            return new Lookup(filter, revision, kept != null && kept.revision() == revision.get()
                    ? Optional.of(kept.matches()) : Optional.empty());
        }
    }

    void keep(Lookup lookup, long matches) {
        if (lookup.revision().isPresent() && lookup.known().isEmpty()) {
            synchronized (this) {
                counts.put(lookup.filter(), new Count(lookup.revision().get(), matches));
            }
        }
    }

    private synchronized void clear() {
        counts.clear();
    }
}
