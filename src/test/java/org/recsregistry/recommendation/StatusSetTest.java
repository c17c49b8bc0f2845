package org.recsregistry.recommendation;

import org.recsregistry.status.Status;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StatusSetTest {

    @Test
    void shouldDecideEveryMaskByTheOverallRule() {
        Set<Integer> seen = new HashSet<>();
        for (Status wanted : Status.values()) {
            for (int mask : StatusSet.masksWithOverall(List.of(wanted))) {
                assertEquals(wanted, Status.overall(StatusSet.statuses(mask)));
                assertTrue(seen.add(mask), "each mask has one overall status");
            }
        }
        assertEquals(1 << Status.values().length, seen.size());
    }

    @Test
    void shouldMapBitsToStatusesInVocabularyOrder() {
        assertEquals(List.of(), StatusSet.statuses(0));
        assertEquals(Status.UNKNOWN, StatusSet.overall(0));
        int rejectedAndUnknown = 1 << Status.REJECTED.ordinal() | 1 << Status.UNKNOWN.ordinal();
        assertEquals(List.of(Status.REJECTED, Status.UNKNOWN), StatusSet.statuses(rejectedAndUnknown));
        assertEquals(Status.REJECTED, StatusSet.overall(rejectedAndUnknown));
        assertEquals(EnumSet.of(Status.IMPLEMENTED, Status.NOT_IMPLEMENTED), EnumSet.copyOf(StatusSet.statuses(
                1 << Status.IMPLEMENTED.ordinal() | 1 << Status.NOT_IMPLEMENTED.ordinal())));
    }
}
