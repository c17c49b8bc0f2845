package org.recsregistry.export;

import org.recsregistry.export.dto.ExportRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV in UTF-8: a header row, one row per recommendation, CRLF line ends, and
 * multi-valued fields joined with "; " (addressees as CODE:status).
 */
final class CsvExportWriter implements ExportWriter {

    static final List<String> HEADER = List.of("id", "sourceId", "locator", "text", "textVerified", "summary",
            "overallStatus", "addressees", "statusSince", "themes", "links", "createdAt", "updatedAt", "version");
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

    /** RFC 4180 section 2: quote a field holding a comma, quote, CR or LF, and double its quotes. */
    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    private static String join(List<String> values) {
        return values.stream().collect(Collectors.joining(SEPARATOR));
    }
}
