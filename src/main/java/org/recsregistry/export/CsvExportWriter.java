package org.recsregistry.export;

import org.recsregistry.export.dto.ExportRecord;
import org.recsregistry.recommendation.EvidenceDates;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV in UTF-8: a header row, one row per recommendation, CRLF line ends, and
 * multi-valued fields joined with "; " (addressees as CODE:status). Cells a spreadsheet would
 * run as formulas are neutralised as OWASP's "CSV Injection" page advises.
 */
final class CsvExportWriter implements ExportWriter {

    static final List<String> HEADER = List.of("id", "sourceId", "locator", "text", "textVerified", "summary",
            "overallStatus", "addressees", "statusSince", "statusEvidenceKind", "statusEvidenceDate", "statusEvidenceUrl",
            "themes", "links", "createdAt", "updatedAt", "version");
    /** What makes a spreadsheet read a cell as a formula when it starts with it (OWASP, CSV Injection). */
    private static final String FORMULA_STARTS = "=+-@\t\r";
    private static final String SEPARATOR = "; ";
    private static final char BOM = '\uFEFF';

    private final Writer out;
    private final boolean bom;

    CsvExportWriter(OutputStream out, boolean bom) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.bom = bom;
    }

    @Override
    public void begin(long cursor) throws IOException {
        if (bom) {
            // Only so that spreadsheet programs read the file as UTF-8; RFC 4180 readers do not need it.
            out.write(BOM);
        }
        row(HEADER);
    }

    @Override
    public void record(ExportRecord r) throws IOException {
        row(List.of(r.id(), r.sourceId(), r.locator(), r.text(), Boolean.toString(r.textVerified()), r.summary(),
                r.overallStatus().wire(),
                join(r.addressees().stream().map(a -> a.code() + ":" + a.status().wire()).toList()),
                join(r.addressees().stream()
                        .map(a -> a.code() + ":" + (a.statusSince() == null ? "" : a.statusSince().toString())).toList()),
                evidence(r, e -> e.kind() == null ? "" : e.kind().wire()),
                evidence(r, e -> EvidenceDates.atPrecision(e.date(), e.datePrecision())),
                evidence(r, e -> e.url() == null ? "" : e.url()),
                join(r.themes()),
                join(r.links().stream().map(l -> l.relation().wire() + ":" + l.target()).toList()),
                r.createdAt().toString(), r.updatedAt().toString(), Long.toString(r.version())));
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }

    private void row(List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }

    /**
     * RFC 4180 section 2: quote a field holding a comma, quote, CR or LF, and double its quotes. A
     * field starting with =, +, -, @, tab or CR is one any curator or import could write and a
     * spreadsheet would run as a formula: OWASP's advice is to prepend an apostrophe, which makes
     * the cell text, and to quote it.
     */
    static String field(String value) {
        if (!value.isEmpty() && FORMULA_STARTS.indexOf(value.charAt(0)) >= 0) {
            return '"' + ("'" + value).replace("\"", "\"\"") + '"';
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** One piece of each addressee's status evidence, as CODE:value; empty for an addressee without events. */
    private static String evidence(ExportRecord r, Function<ExportRecord.StatusEvidence, String> part) {
        return join(r.addressees().stream()
                .map(a -> a.code() + ":" + (a.statusEvidence() == null ? "" : part.apply(a.statusEvidence()))).toList());
    }

    private static String join(List<String> values) {
        return values.stream().collect(Collectors.joining(SEPARATOR));
    }
}
