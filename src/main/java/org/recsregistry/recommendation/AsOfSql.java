package org.recsregistry.recommendation;

/**
 * SQL for statuses as they stood at the end of a date, rebuilt from status_event: the status of a
 * (recommendation, addressee) pair on date D is the to_status of its latest event effective on or
 * before D (by effective date, then id), or unknown without one. Uses status_event_pair_idx.
 */
public final class AsOfSql {

    /** The as-of status of a pair joined with {@link #latestEvent} under alias {@code e}. */
    public static final String STATUS = "coalesce(e.to_status, 'unknown')";

    /** The date to pass to {@link #latestEvent} for the event that sets the current status, whatever its date. */
    public static final String ANY_DATE = "'infinity'";

    private AsOfSql() {
    }

    /**
     * {@code left join lateral (...) e on true}: the latest event of the pair with alias {@code pair}
     * effective on or before the SQL date expression {@code date} ({@link #ANY_DATE} for the current one), with
     * columns to_status, effective_date and the evidence's kind, date, date precision and URL.
     */
    public static String latestEvent(String pair, String date) {
        return " left join lateral (select se.to_status, se.effective_date, se.evidence_kind, se.evidence_date,"
                + " se.evidence_date_precision, se.evidence_url from status_event se"
                + " where se.recommendation_id = " + pair + ".recommendation_id"
                + " and se.addressee_code = " + pair + ".addressee_code"
                + " and se.effective_date <= " + date
                + " order by se.effective_date desc, se.id desc limit 1) e on true";
    }

    /**
     * Whether the recommendation with alias {@code recommendation} existed at the end of the SQL date
     * {@code date}: a record exists from its source's publication, at the precision that date is known
     * to (a source of May 2014 counts from any day of May 2014); one whose source has no date, always.
     */
    public static String published(String recommendation, String date) {
        return "not exists (select 1 from source s where s.id = " + recommendation + ".source_id"
                + " and s.published_date > cast(date_trunc(s.date_precision, cast(" + date + " as timestamp)) as date))";
    }
}
