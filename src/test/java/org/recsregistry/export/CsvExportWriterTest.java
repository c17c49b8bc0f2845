package org.recsregistry.export;

import org.junit.jupiter.api.Test;
import org.recsregistry.export.dto.ExportRecord;
import org.recsregistry.recommendation.EvidenceKind;
import org.recsregistry.recommendation.LinkRelation;
import org.recsregistry.status.Status;
import org.recsregistry.source.DatePrecision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CsvExportWriterTest {

    @Test
    void shouldQuoteOnlyFieldsThatNeedIt() {
        assertEquals("plain text", CsvExportWriter.field("plain text"));
        assertEquals("\"a, b\"", CsvExportWriter.field("a, b"));
        assertEquals("\"say \"\"no\"\"\"", CsvExportWriter.field("say \"no\""));
        assertEquals("\"two\r\nlines\"", CsvExportWriter.field("two\r\nlines"));
        assertEquals("\"line\nfeed\"", CsvExportWriter.field("line\nfeed"));
        assertEquals("", CsvExportWriter.field(""));
    }

    @Test
    void shouldNeutraliseEveryCellASpreadsheetWouldRunAsAFormula() {
        // OWASP "CSV Injection": a leading apostrophe makes the cell text; quoting keeps separators inside it.
        assertEquals("\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"click\"\")\"",
                CsvExportWriter.field("=HYPERLINK(\"https://evil.example\",\"click\")"));
        assertEquals("\"'+1\"", CsvExportWriter.field("+1"));
        assertEquals("\"'-2+3\"", CsvExportWriter.field("-2+3"));
        assertEquals("\"'@SUM(A1)\"", CsvExportWriter.field("@SUM(A1)"));
        assertEquals("\"'\tx\"", CsvExportWriter.field("\tx"));
        assertEquals("\"'\rx\"", CsvExportWriter.field("\rx"));
        assertEquals("a=b", CsvExportWriter.field("a=b"));
    }

    @Test
    void shouldWriteRowsThatParseBackToTheSameFields() throws IOException {
        String awkward = "Quote \"this\", then\r\na new line,\nand a bare LF; and ünïcödé";
        ExportRecord record = new ExportRecord("x-1", "src", "para 1, (a)", awkward, true, "Summary, \"quoted\"",
                Status.REJECTED,
                List.of(new ExportRecord.Addressee("CHN", Status.REJECTED, LocalDate.of(2024, 5, 1),
                                new ExportRecord.StatusEvidence(EvidenceKind.ADDRESSEE_STATEMENT, LocalDate.of(2024, 7, 1),
                                        DatePrecision.MONTH, "https://example.org/upr?a=1,b=2")),
                        new ExportRecord.Addressee("KOR", Status.UNKNOWN, null, null)),
                List.of("accountability", "refugees"),
                List.of(new ExportRecord.Link(LinkRelation.DERIVED_FROM, "coi-2014-89-a")),
                Instant.parse("2024-01-01T00:00:00.123456Z"), Instant.parse("2024-02-01T00:00:00Z"), 3);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CsvExportWriter writer = new CsvExportWriter(bytes, false);
        writer.begin(42);
        writer.record(record);
        writer.end();
        String csv = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(csv.endsWith("\r\n"));
        List<List<String>> rows = Rfc4180.parse(csv);
        assertEquals(List.of(CsvExportWriter.HEADER, List.of("x-1", "src", "para 1, (a)", awkward, "true",
                "Summary, \"quoted\"", "rejected", "CHN:rejected; KOR:unknown", "CHN:2024-05-01; KOR:",
                "CHN:addressee_statement; KOR:", "CHN:2024-07; KOR:", "CHN:https://example.org/upr?a=1,b=2; KOR:",
                "accountability; refugees", "derived_from:coi-2014-89-a", "2024-01-01T00:00:00.123456Z",
                "2024-02-01T00:00:00Z", "3")), rows);
    }
}
