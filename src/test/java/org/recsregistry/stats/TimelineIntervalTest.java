package org.recsregistry.stats;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimelineIntervalTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void shouldEndEachIntervalThenStopAtTo() {
        assertEquals(List.of(d("2014-12-31"), d("2015-12-31"), d("2016-03-01")),
                TimelineInterval.YEAR.points(d("2014-02-17"), d("2016-03-01"), 600));
        assertEquals(List.of(d("2015-12-31")), TimelineInterval.YEAR.points(d("2015-01-01"), d("2015-12-31"), 600));
        assertEquals(List.of(d("2024-01-31"), d("2024-02-29"), d("2024-03-10")),
                TimelineInterval.MONTH.points(d("2024-01-01"), d("2024-03-10"), 600));
    }

    @Test
    void shouldGiveOneMoreThanMaxWhenThereAreTooMany() {
        assertEquals(4, TimelineInterval.MONTH.points(d("2000-01-01"), d("2020-01-01"), 3).size());
        assertEquals(3, TimelineInterval.MONTH.points(d("2000-01-01"), d("2000-03-01"), 3).size());
    }
}
