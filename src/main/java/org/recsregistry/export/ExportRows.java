package org.recsregistry.export;

import org.recsregistry.common.WireEnum;
import org.recsregistry.export.dto.ExportRecord;
import org.recsregistry.recommendation.EvidenceKind;
import org.recsregistry.recommendation.LinkRelation;
import org.recsregistry.recommendation.Status;
import org.recsregistry.source.DatePrecision;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * The export's one query: every live recommendation that matches, by id, each row carrying its
 * addressees, themes and links as arrays so that a record is complete when its row is read.
 */
final class ExportRows {

    /** The event that set a pair's current status: its latest by effective date, then by recording order. */
    private static final String CURRENT_EVENT = "select se.evidence_kind, se.evidence_date, se.evidence_date_precision,"
            + " se.evidence_url from status_event se where se.recommendation_id = ra.recommendation_id"
            + " and se.addressee_code = ra.addressee_code order by se.effective_date desc, se.id desc limit 1";

    // Orders match the entity mappings (addressees and themes by code, links by id), so an export
    // lists them as the read API does.
    private static final String SELECT = "select r.id, r.source_id, r.locator, r.text, r.text_verified, r.summary,"
            + " r.overall_status, r.created_at, r.updated_at, r.version,"
            + " a.codes as addressee_codes, a.statuses as addressee_statuses, a.since as addressee_since,"
            + " a.kinds as evidence_kinds, a.dates as evidence_dates, a.precisions as evidence_precisions,"
            + " a.urls as evidence_urls,"
            + " t.codes as theme_codes, l.relations as link_relations, l.targets as link_targets"
            + " from recommendation r"
            + " left join lateral (select array_agg(ra.addressee_code order by ra.addressee_code) as codes,"
            + " array_agg(ra.status order by ra.addressee_code) as statuses,"
            + " array_agg(ra.status_since::text order by ra.addressee_code) as since,"
            + " array_agg(cur.evidence_kind order by ra.addressee_code) as kinds,"
            + " array_agg(cur.evidence_date::text order by ra.addressee_code) as dates,"
            + " array_agg(cur.evidence_date_precision order by ra.addressee_code) as precisions,"
            + " array_agg(cur.evidence_url order by ra.addressee_code) as urls"
            + " from recommendation_addressee ra left join lateral (" + CURRENT_EVENT + ") cur on true"
            + " where ra.recommendation_id = r.id) a on true"
            + " left join lateral (select array_agg(rt.theme_code order by rt.theme_code) as codes"
            + " from recommendation_theme rt where rt.recommendation_id = r.id) t on true"
            + " left join lateral (select array_agg(k.relation order by k.id) as relations,"
            + " array_agg(k.to_id order by k.id) as targets"
            + " from recommendation_link k where k.from_id = r.id) l on true"
            + " where r.deleted_at is null";

    private ExportRows() {
    }

    /**
     * A forward-only statement that fetches {@code fetchSize} rows at a time. PostgreSQL's driver
     * only keeps a server-side cursor (instead of reading every row into memory) when autocommit
     * is off, which the snapshot's transaction ensures.
     */
    static PreparedStatement prepare(Connection connection, ExportQuery query, int fetchSize) throws SQLException {
        List<Object[]> params = new ArrayList<>();
        String sql = SELECT + filters(query, params) + " order by r.id";
        PreparedStatement statement = connection.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY,
                ResultSet.CONCUR_READ_ONLY);
        statement.setFetchSize(fetchSize);
        for (int i = 0; i < params.size(); i++) {
            statement.setArray(i + 1, connection.createArrayOf("text", params.get(i)));
        }
        return statement;
    }

    /** The same filters, with the same meaning, as the recommendation list (RecommendationSearch). */
    private static String filters(ExportQuery query, List<Object[]> params) {
        StringBuilder sql = new StringBuilder();
        Object[] statuses = query.statuses().stream().map(WireEnum::wire).toArray();
        if (!query.addressees().isEmpty()) {
            // With addressees, a status filter applies to those addressees' own statuses.
            sql.append(" and exists (select 1 from recommendation_addressee ra where ra.recommendation_id = r.id"
                    + " and ra.addressee_code = any(?)");
            params.add(query.addressees().toArray());
            if (statuses.length > 0) {
                sql.append(" and ra.status = any(?)");
                params.add(statuses);
            }
            sql.append(')');
        } else if (statuses.length > 0) {
            sql.append(" and r.overall_status = any(?)");
            params.add(statuses);
        }
        if (!query.sources().isEmpty()) {
            sql.append(" and r.source_id = any(?)");
            params.add(query.sources().toArray());
        }
        if (!query.themes().isEmpty()) {
            sql.append(" and exists (select 1 from recommendation_theme rt where rt.recommendation_id = r.id"
                    + " and rt.theme_code = any(?))");
            params.add(query.themes().toArray());
        }
        if (!query.evidenceKinds().isEmpty()) {
            sql.append(" and exists (select 1 from recommendation_addressee ra cross join lateral (" + CURRENT_EVENT
                    + ") cur where ra.recommendation_id = r.id and cur.evidence_kind = any(?))");
            params.add(query.evidenceKinds().stream().map(WireEnum::wire).toArray());
        }
        return sql.toString();
    }

    static ExportRecord record(ResultSet row) throws SQLException {
        String[] codes = strings(row.getArray("addressee_codes"));
        String[] statuses = strings(row.getArray("addressee_statuses"));
        String[] since = strings(row.getArray("addressee_since"));
        String[] kinds = strings(row.getArray("evidence_kinds"));
        String[] dates = strings(row.getArray("evidence_dates"));
        String[] precisions = strings(row.getArray("evidence_precisions"));
        String[] urls = strings(row.getArray("evidence_urls"));
        List<ExportRecord.Addressee> addressees = new ArrayList<>(codes.length);
        for (int i = 0; i < codes.length; i++) {
            ExportRecord.StatusEvidence evidence = since[i] == null ? null : new ExportRecord.StatusEvidence(
                    kinds[i] == null ? null : EvidenceKind.fromWire(kinds[i]),
                    dates[i] == null ? null : LocalDate.parse(dates[i]),
                    precisions[i] == null ? null : DatePrecision.fromWire(precisions[i]), urls[i]);
            addressees.add(new ExportRecord.Addressee(codes[i], Status.fromWire(statuses[i]),
                    since[i] == null ? null : LocalDate.parse(since[i]), evidence));
        }
        String[] relations = strings(row.getArray("link_relations"));
        String[] targets = strings(row.getArray("link_targets"));
        List<ExportRecord.Link> links = new ArrayList<>(relations.length);
        for (int i = 0; i < relations.length; i++) {
            links.add(new ExportRecord.Link(LinkRelation.fromWire(relations[i]), targets[i]));
        }
        return new ExportRecord(row.getString("id"), row.getString("source_id"), row.getString("locator"),
                row.getString("text"), row.getBoolean("text_verified"), row.getString("summary"),
                Status.fromWire(row.getString("overall_status")), addressees,
                List.of(strings(row.getArray("theme_codes"))), links,
                row.getObject("created_at", OffsetDateTime.class).toInstant(),
                row.getObject("updated_at", OffsetDateTime.class).toInstant(), row.getLong("version"));
    }

    /** A text array; array_agg over no rows gives null, read as empty. */
    private static String[] strings(Array array) throws SQLException {
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
