package org.recsregistry.recommendation;

import org.recsregistry.source.DatePrecision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;

/** The rules of an evidence date known to a day, a month or a year, shared by the import and the API. */
public final class EvidenceDates {

    private EvidenceDates() {
    }

    /** Why the date and precision do not fit together (month: day 01; year: 1 January), if they do not. */
    public static Optional<String> shapeProblem(LocalDate date, DatePrecision precision) {
        if (date == null) {
            return precision == null ? Optional.empty() : Optional.of("is given without a date");
        }
        if (precision == DatePrecision.MONTH && date.getDayOfMonth() != 1) {
            return Optional.of("is month, so the date must be the first of its month (" + date + " is not)");
        }
        if (precision == DatePrecision.YEAR && date.getDayOfYear() != 1) {
            return Optional.of("is year, so the date must be 1 January (" + date + " is not)");
        }
        return Optional.empty();
    }

    /**
     * Whether evidence of this date cannot report an event of that date: it is earlier even at the
     * precision it is known to (evidence of 2024-06, precision month, may report 12 June 2024).
     */
    public static boolean datedBefore(LocalDate date, DatePrecision precision, LocalDate effectiveDate) {
        if (date == null) {
            return false;
        }
        return switch (precision == null ? DatePrecision.DAY : precision) {
            case DAY -> date.isBefore(effectiveDate);
            case MONTH -> YearMonth.from(date).isBefore(YearMonth.from(effectiveDate));
            case YEAR -> date.getYear() < effectiveDate.getYear();
        };
    }

    /** The date as far as it is known: 2024-06-12, 2024-06 or 2024. */
    public static String atPrecision(LocalDate date, DatePrecision precision) {
        if (date == null) {
            return "";
        }
        return switch (precision == null ? DatePrecision.DAY : precision) {
            case DAY -> date.toString();
            case MONTH -> YearMonth.from(date).toString();
            case YEAR -> Integer.toString(date.getYear());
        };
    }
}
