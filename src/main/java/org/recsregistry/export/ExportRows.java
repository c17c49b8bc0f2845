package org.recsregistry.export;

import org.recsregistry.export.dto.ExportRecord;
import org.recsregistry.recommendation.EvidenceKind;
import org.recsregistry.recommendation.RecommendationRows;
import org.recsregistry.recommendation.dto.AddresseeStatus;
import org.recsregistry.source.DatePrecision;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** An export record from a row of {@link RecommendationRows#all}. */
final class ExportRows {

    private ExportRows() {
    }

    static ExportRecord record(ResultSet row, boolean asOf) throws SQLException {
        RecommendationRows.Row r = RecommendationRows.read(row, asOf);
        String[] kinds = RecommendationRows.strings(row.getArray("evidence_kinds"));
        String[] dates = RecommendationRows.strings(row.getArray("evidence_dates"));
        String[] precisions = RecommendationRows.strings(row.getArray("evidence_precisions"));
        String[] urls = RecommendationRows.strings(row.getArray("evidence_urls"));
        List<ExportRecord.Addressee> addressees = new ArrayList<>(r.addressees().size());
        for (int i = 0; i < r.addressees().size(); i++) {
            AddresseeStatus a = r.addressees().get(i);
            ExportRecord.StatusEvidence evidence = a.statusSince() == null ? null : new ExportRecord.StatusEvidence(
                    kinds[i] == null ? null : EvidenceKind.fromWire(kinds[i]),
                    dates[i] == null ? null : LocalDate.parse(dates[i]),
                    precisions[i] == null ? null : DatePrecision.fromWire(precisions[i]), urls[i]);
            addressees.add(new ExportRecord.Addressee(a.code(), a.status(), a.statusSince(), evidence));
        }
        return new ExportRecord(r.id(), r.sourceId(), r.locator(), r.text(), r.textVerified(), r.summary(),
                r.overallStatus(), addressees, r.themes(),
                RecommendationRows.links(row).stream().map(l -> new ExportRecord.Link(l.relation(), l.target())).toList(),
                r.createdAt(), r.updatedAt(), r.version());
    }
}
