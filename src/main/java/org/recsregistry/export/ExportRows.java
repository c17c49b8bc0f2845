package org.recsregistry.export;

import org.recsregistry.export.dto.ExportRecord;
import org.recsregistry.recommendation.RecommendationRows;

import java.sql.ResultSet;
import java.sql.SQLException;

/** An export record from a row of {@link RecommendationRows#all}. */
final class ExportRows {

    private ExportRows() {
    }

    static ExportRecord record(ResultSet row, boolean asOf) throws SQLException {
        RecommendationRows.Row r = RecommendationRows.read(row, asOf);
        return new ExportRecord(r.id(), r.sourceId(), r.locator(), r.text(), r.textVerified(), r.summary(),
                r.overallStatus(),
                r.addressees().stream().map(a -> new ExportRecord.Addressee(a.code(), a.status(), a.statusSince())).toList(),
                r.themes(),
                RecommendationRows.links(row).stream().map(l -> new ExportRecord.Link(l.relation(), l.target())).toList(),
                r.createdAt(), r.updatedAt(), r.version());
    }
}
