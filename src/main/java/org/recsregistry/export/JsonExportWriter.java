package org.recsregistry.export;

import com.fasterxml.jackson.databind.ObjectWriter;
import org.recsregistry.export.dto.ExportRecord;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** {"cursor":"…","items":[…]}, the cursor first so that a streaming reader has it before the items. */
final class JsonExportWriter implements ExportWriter {

    private final ObjectWriter json;
    private final OutputStream out;
    private boolean first = true;

    JsonExportWriter(ObjectWriter json, OutputStream out) {
        this.json = json;
        this.out = out;
    }

    @Override
    public void begin(long cursor) throws IOException {
        out.write(("{\"cursor\":\"" + cursor + "\",\"items\":[").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void record(ExportRecord record) throws IOException {
        if (!first) {
            out.write(',');
        }
        first = false;
        out.write(json.writeValueAsBytes(record));
    }

    @Override
    public void end() throws IOException {
        out.write("]}".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
