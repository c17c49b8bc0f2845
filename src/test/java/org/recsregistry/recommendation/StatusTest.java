package org.recsregistry.recommendation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.recsregistry.recommendation.Status.IMPLEMENTED;
import static org.recsregistry.recommendation.Status.IN_PROGRESS;
import static org.recsregistry.recommendation.Status.NOT_IMPLEMENTED;
import static org.recsregistry.recommendation.Status.PARTIALLY_IMPLEMENTED;
import static org.recsregistry.recommendation.Status.REJECTED;
import static org.recsregistry.recommendation.Status.SUPERSEDED;
import static org.recsregistry.recommendation.Status.UNKNOWN;

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
