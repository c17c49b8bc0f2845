package org.recsregistry.recommendation;

import org.recsregistry.status.Status;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A set of statuses as a bit mask (bit i is {@code Status.values()[i]}). SQL aggregates the statuses of a
 * recommendation's pairs into a mask; {@link Status#overall} then decides the overall status of each mask,
 * so that the rule lives in Java only while the grouping and filtering stay in SQL.
 */
public final class StatusSet {

    private static final Status[] ALL = Status.values();
    private static final String VOCABULARY = Arrays.stream(ALL).map(s -> "'" + s.wire() + "'")
            .collect(Collectors.joining(", ", "array[", "]"));

    private StatusSet() {
    }

    /** SQL aggregate: the mask of the statuses (a text expression) in a group; 0 for an empty group. */
    public static String sqlMask(String status) {
        return "coalesce(bit_or(1 << (array_position(" + VOCABULARY + ", " + status + ") - 1)), 0)";
    }

    public static List<Status> statuses(int mask) {
        List<Status> statuses = new ArrayList<>();
        for (Status status : ALL) {
            if ((mask & (1 << status.ordinal())) != 0) {
                statuses.add(status);
            }
        }
        return statuses;
    }

    public static Status overall(int mask) {
        return Status.overall(statuses(mask));
    }

    /** Every mask whose overall status is one of {@code wanted}. */
    public static List<Integer> masksWithOverall(Collection<Status> wanted) {
        List<Integer> masks = new ArrayList<>();
        for (int mask = 0; mask < 1 << ALL.length; mask++) {
            if (wanted.contains(overall(mask))) {
                masks.add(mask);
            }
        }
        return masks;
    }

    /** Every mask that has at least one of {@code wanted}. */
    public static List<Integer> masksWithAny(Collection<Status> wanted) {
        List<Integer> masks = new ArrayList<>();
        for (int mask = 0; mask < 1 << ALL.length; mask++) {
            for (Status status : wanted) {
                if ((mask & 1 << status.ordinal()) != 0) {
                    masks.add(mask);
                    break;
                }
            }
        }
        return masks;
    }
}
