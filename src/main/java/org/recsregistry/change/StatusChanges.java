package org.recsregistry.change;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.recsregistry.status.Status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the latest status changes of the feed, newest first, with the feed head they were read at. */
@ApplicationScoped
public class StatusChanges {

    // One statement, so the entries and the head come from the same snapshot.
    private static final String SQL = "select h.head, e.* from (select feed_head as head from registry_state) h"
            + " left join lateral (select c.seq, c.id, c.recommendation_id, c.addressee_code, c.from_status,"
            + " c.to_status, c.effective_date, c.evidence->>'title' as evidence_title,"
            + " c.evidence->>'excerpt' as evidence_excerpt, c.occurred_at, a.name as addressee_name"
            + " from change_entry c left join addressee a on a.code = c.addressee_code"
            + " where c.kind = 'status_changed' and " + ChangeFilter.MATCHES + " order by c.seq desc limit ?) e on true"
            + " order by e.seq desc nulls last";

    @Inject
    AgroalDataSource dataSource;

    /** One status change, as the Atom feed and the home page show it; addresseeName is null if the addressee is gone. */
    public record StatusChange(UUID id, String recommendationId, String addressee, String addresseeName,
                               Status fromStatus, Status toStatus, LocalDate effectiveDate, String evidenceTitle,
                               String evidenceExcerpt, Instant occurredAt) {

        /**
         * The change as a person would say it: "Democratic People's Republic of Korea: not implemented, confirmed
         * 2025-09-12" when new evidence kept the status, "...: now rejected (was not implemented) as of 2025-03-25"
         * when it moved, "...: not implemented as of 2014-09-01" for the first status on record.
         */
        public String headline() {
            String who = (addresseeName == null ? addressee : addresseeName) + ": ";
            if (fromStatus == toStatus) {
                return who + words(toStatus) + ", confirmed " + effectiveDate;
            }
            if (fromStatus == null) {
                return who + words(toStatus) + " as of " + effectiveDate;
            }
            return who + "now " + words(toStatus) + " (was " + words(fromStatus) + ") as of " + effectiveDate;
        }

        private static String words(Status status) {
            return status.wire().replace('_', ' ');
        }
    }

    /** The newest status changes and the feed head they were read at. */
    public record Latest(List<StatusChange> changes, long head) {

        /** When the newest of these changes was recorded; null when there are none. */
        public Instant updated() {
            return changes.stream().map(StatusChange::occurredAt).max(Instant::compareTo).orElse(null);
        }
    }

    /** The newest status changes that match the filter (a kind filter without status_changed leaves none). */
    public Latest latest(int limit, ChangeFilter filter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(SQL)) {
            statement.setInt(filter.bind(connection, statement, 1), limit);
            try (ResultSet rows = statement.executeQuery()) {
                List<StatusChange> changes = new ArrayList<>();
                long head = 0;
                while (rows.next()) {
                    head = rows.getLong("head");
                    if (rows.getObject("seq") != null) {
                        changes.add(change(rows));
                    }
                }
                return new Latest(changes, head);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the status changes", e);
        }
    }

    private static StatusChange change(ResultSet row) throws SQLException {
        String from = row.getString("from_status");
        return new StatusChange(row.getObject("id", UUID.class), row.getString("recommendation_id"),
                row.getString("addressee_code"), row.getString("addressee_name"), from == null ? null : Status.fromWire(from),
                Status.fromWire(row.getString("to_status")), row.getObject("effective_date", LocalDate.class),
                row.getString("evidence_title"), row.getString("evidence_excerpt"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant());
    }
}
