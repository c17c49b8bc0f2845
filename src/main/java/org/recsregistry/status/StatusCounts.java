package org.recsregistry.status;


import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Query;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Counts per status for many keys (an addressee, a source ...), read from grouped query rows. */
public final class StatusCounts {

    private final Map<String, Map<String, Long>> byKey = new HashMap<>();

    /** Rows of (key, status, count); several rows of one key and status add up. */
    public StatusCounts(List<Object[]> rows) {
        for (Object[] row : rows) {
            byKey.computeIfAbsent((String) row[0], k -> new HashMap<>())
                    .merge((String) row[1], ((Number) row[2]).longValue(), Long::sum);
        }
    }

    /** Every status in vocabulary order, zero where there is none. */
    public Map<String, Long> of(String key) {
        Map<String, Long> counts = byKey.getOrDefault(key, Map.of());
        Map<String, Long> all = new LinkedHashMap<>();
        for (Status status : Status.values()) {
            all.put(status.wire(), counts.getOrDefault(status.wire(), 0L));
        }
        return all;
    }

    /** Counts from a native query of (key, status, count) rows; {@code key}, when not null, is bound as ?1. */
    @SuppressWarnings("unchecked")
    public static StatusCounts read(String sql, String key) {
        Query query = Panache.getEntityManager().createNativeQuery(sql);
        if (key != null) {
            query.setParameter(1, key);
        }
        return new StatusCounts(query.getResultList());
    }

    public long total(String key) {
        return byKey.getOrDefault(key, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }
}
