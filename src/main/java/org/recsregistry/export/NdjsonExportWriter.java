package org.recsregistry.export;

import com.fasterxml.jackson.databind.ObjectWriter;
import org.recsregistry.export.dto.ExportRecord;

import java.io.IOException;
import java.io.OutputStream;

/**
 * One record per line and nothing else: the cursor travels in the X-Feed-Cursor header and the
 * file name, so every line has the same shape for line-oriented tools.
 */
final class NdjsonExportWriter implements ExportWriter {

    private final ObjectWriter json;
    private final OutputStream out;

    NdjsonExportWriter(ObjectWriter json, OutputStream out) {
        this.json = json;
        this.out = out;
    }

    @Override
    public void begin(long cursor) {
        // the cursor is in the headers only
    }

    @Override
    public void record(ExportRecord record) throws IOException {
        out.write(json.writeValueAsBytes(record));
        out.write('\n');
    }

    @Override
    public void end() throws IOException {
        out.flush();
    }
}
