package org.recsregistry.recommendation;

import org.recsregistry.status.Status;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.recsregistry.status.Status.IMPLEMENTED;
import static org.recsregistry.status.Status.IN_PROGRESS;
import static org.recsregistry.status.Status.NOT_IMPLEMENTED;
import static org.recsregistry.status.Status.PARTIALLY_IMPLEMENTED;
import static org.recsregistry.status.Status.REJECTED;
import static org.recsregistry.status.Status.SUPERSEDED;
import static org.recsregistry.status.Status.UNKNOWN;

class StatusTest {

    @Test
    void shouldBeUnknownWithoutAnyKnownStatus() {
        assertEquals(UNKNOWN, Status.overall(List.of()));
        assertEquals(UNKNOWN, Status.overall(List.of(UNKNOWN, UNKNOWN)));
    }

    @Test
    void shouldIgnoreUnknownAddresseesWhenOthersAreKnown() {
        assertEquals(REJECTED, Status.overall(List.of(REJECTED, UNKNOWN)));
    }

    @Test
    void shouldIgnoreSupersededWhileAnyAddresseeIsLive() {
        assertEquals(SUPERSEDED, Status.overall(List.of(SUPERSEDED, UNKNOWN)));
        assertEquals(IN_PROGRESS, Status.overall(List.of(SUPERSEDED, IN_PROGRESS)));
    }

    @Test
    void shouldBePartiallyImplementedWhenOnlySomeAddresseesActed() {
        assertEquals(PARTIALLY_IMPLEMENTED, Status.overall(List.of(IMPLEMENTED, REJECTED)));
        assertEquals(PARTIALLY_IMPLEMENTED, Status.overall(List.of(PARTIALLY_IMPLEMENTED, NOT_IMPLEMENTED)));
        assertEquals(IMPLEMENTED, Status.overall(List.of(IMPLEMENTED, IMPLEMENTED)));
    }

    @Test
    void shouldPreferInProgressThenNotImplementedForMixedRefusals() {
        assertEquals(IN_PROGRESS, Status.overall(List.of(IN_PROGRESS, REJECTED)));
        assertEquals(NOT_IMPLEMENTED, Status.overall(List.of(NOT_IMPLEMENTED, REJECTED)));
    }
}
