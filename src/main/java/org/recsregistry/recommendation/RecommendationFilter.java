package org.recsregistry.recommendation;

import org.recsregistry.status.Status;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Which recommendations a list, an export or a count is about: the one filter model of the API,
 * read by {@link FilterParams} and rendered to SQL by {@link FilterSql} alone. Values within a filter are
 * alternatives; filters combine with AND.
 *
 * @param statuses with addressees, those addressees' own statuses; without, the overall status;
 *                 with asOf, as they stood at the end of that date
 * @param asOf     the registry as it stood at the end of this date: statuses rebuilt from the
 *                 history, and only the records whose source had been published by then
 * @param evidenceKinds who says so: records with an addressee whose status (as of asOf when given) rests
 *                 on evidence of one of these kinds
 */
public record RecommendationFilter(
        List<String> addressees,
        List<Status> statuses,
        List<String> sources,
        List<String> themes,
        Optional<String> text,
        Optional<OffsetDateTime> updatedSince,
        Optional<LocalDate> asOf,
        List<EvidenceKind> evidenceKinds) {

    /** No filter at all: every live record. */
    public static RecommendationFilter none() {
        return new RecommendationFilter(List.of(), List.of(), List.of(), List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), List.of());
    }

    /**
     * Whether the exact number of matches is summed from counts kept as records are written (FilterSql#counts)
     * rather than counted match by match.
     */
    boolean countedFromKeptCounts() {
        return text.isEmpty() && evidenceKinds.isEmpty() && (updatedSince.isEmpty() || asOf.isEmpty());
    }
}
