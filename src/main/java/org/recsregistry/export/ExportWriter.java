package org.recsregistry.export;

import org.recsregistry.export.dto.ExportRecord;

import java.io.IOException;

/** Writes an export record by record, so that nothing but the current record is held in memory. */
interface ExportWriter {

    void begin(long cursor) throws IOException;

    void record(ExportRecord record) throws IOException;

    /** Completes the document and flushes it; does not close the stream. */
    void end() throws IOException;
}
