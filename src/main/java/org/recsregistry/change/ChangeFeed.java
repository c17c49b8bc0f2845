package org.recsregistry.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.recsregistry.change.dto.ChangePage;
import org.recsregistry.change.dto.ChangeView;
import org.recsregistry.common.WireEnum;
import org.recsregistry.recommendation.Status;
import org.recsregistry.recommendation.dto.StatusEventView;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Reads the change feed with plain JDBC, so that long polls and streams can read from any
 * thread. One statement reads the page and the feed head from the same snapshot, so the cursor
 * it hands out never passes an entry the page did not see.
 */
@ApplicationScoped
public class ChangeFeed {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper json;

    /** A page and the feed head it was read at. */
    public record Result(ChangePage page, long head) {
    }

    public Result read(ChangeQuery query) {
        String sql = "select h.head, e.* from (select coalesce(max(seq), 0) as head from change_entry) h"
                + " left join lateral (select c.seq, c.id, c.kind, c.recommendation_id, c.addressee_code, c.from_status,"
                + " c.to_status, c.effective_date, c.evidence::text as evidence, c.occurred_at from change_entry c"
                + " where c.seq > ?" + filters(query) + " order by c.seq limit ?) e on true";
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            int i = 1;
            statement.setLong(i++, query.since());
            if (!query.kinds().isEmpty()) {
                statement.setArray(i++, connection.createArrayOf("text", wire(query.kinds())));
            }
            if (!query.addressees().isEmpty()) {
                statement.setArray(i++, connection.createArrayOf("text", query.addressees().toArray()));
                statement.setArray(i++, connection.createArrayOf("text", query.addressees().toArray()));
            }
            if (!query.statuses().isEmpty()) {
                statement.setArray(i++, connection.createArrayOf("text", wire(query.statuses())));
            }
            if (!query.evidenceKinds().isEmpty()) {
                statement.setArray(i++, connection.createArrayOf("text", wire(query.evidenceKinds())));
            }
            statement.setInt(i, query.limit());
            return page(query, statement.executeQuery());
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the change feed", e);
        }
    }

    /** The feed head: the sequence number of the newest committed entry, 0 for an empty feed. */
    public long head() {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement("select feed_head from registry_state");
             ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the feed head", e);
        }
    }

    private static String filters(ChangeQuery query) {
        StringBuilder sql = new StringBuilder();
        if (!query.kinds().isEmpty()) {
            sql.append(" and c.kind = any(?)");
        }
        if (!query.addressees().isEmpty()) {
            // A status change concerns its own addressee; other entries, every addressee of the record.
            sql.append(" and (c.addressee_code = any(?) or (c.addressee_code is null and exists (select 1 from"
                    + " recommendation_addressee ra where ra.recommendation_id = c.recommendation_id"
                    + " and ra.addressee_code = any(?))))");
        }
        if (!query.statuses().isEmpty()) {
            sql.append(" and c.to_status = any(?)");
        }
        if (!query.evidenceKinds().isEmpty()) {
            // Only status changes carry evidence; entries recorded before kinds were kept have none.
            sql.append(" and c.evidence->>'kind' = any(?)");
        }
        return sql.toString();
    }

    private Result page(ChangeQuery query, ResultSet rows) throws SQLException {
        List<ChangeView> items = new ArrayList<>();
        long head = 0;
        while (rows.next()) {
            head = rows.getLong("head");
            if (rows.getObject("seq") != null) {
                items.add(view(rows));
            }
        }
        boolean full = items.size() == query.limit();
        long next = full ? Long.parseLong(items.get(items.size() - 1).cursor()) : Math.max(head, query.since());
        return new Result(new ChangePage(items, Long.toString(next), full && next < head), head);
    }

    private ChangeView view(ResultSet row) throws SQLException {
        String fromStatus = row.getString("from_status");
        String toStatus = row.getString("to_status");
        return new ChangeView(row.getObject("id", UUID.class), Long.toString(row.getLong("seq")),
                ChangeKind.fromWire(row.getString("kind")), row.getString("recommendation_id"),
                row.getObject("occurred_at", OffsetDateTime.class).toInstant(), row.getString("addressee_code"),
                fromStatus == null ? null : Status.fromWire(fromStatus),
                toStatus == null ? null : Status.fromWire(toStatus),
                row.getObject("effective_date", LocalDate.class), evidence(row.getString("evidence")));
    }

    private StatusEventView.Evidence evidence(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, StatusEventView.Evidence.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable evidence in the change feed", e);
        }
    }

    private static Object[] wire(List<? extends WireEnum> values) {
        return values.stream().map(WireEnum::wire).toArray();
    }
}
