package org.recsregistry.export;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.common.WireEnum;

/** The formats of an export, each with its media type and file extension. */
@Schema(name = "ExportFormat", type = SchemaType.STRING, enumeration = {"json", "ndjson", "csv"})
public enum ExportFormat implements WireEnum {
    JSON("application/json"),
    NDJSON("application/x-ndjson"),
    CSV("text/csv; charset=UTF-8");

    public static final String NDJSON_MEDIA_TYPE = "application/x-ndjson";
    public static final String CSV_MEDIA_TYPE = "text/csv";

    private final String mediaType;

    ExportFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The name a browser saves the export under; the cursor in it keeps the file's place in the feed. */
    public String fileName(long cursor) {
        return "registry-" + cursor + "." + wire();
    }
}
