package org.recsregistry.source.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.source.DatePrecision;
import org.recsregistry.source.SourceKind;

import java.time.LocalDate;

/** A new source; its editable fields are validated as a {@link SourceEdit}. */
@Schema(name = "SourceCreate")
public record SourceCreate(
        @NotNull @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}", message = "must be lower-case letters, digits and hyphens")
        @Schema(example = "sr-2025-a-hrc-58-61") String id,
        String title,
        String publisher,
        SourceKind kind,
        LocalDate publishedDate,
        @Schema(description = "Defaults to day.") DatePrecision datePrecision,
        String url,
        String seedFile) {

    public SourceEdit edit() {
        return new SourceEdit(title, publisher, kind, publishedDate,
                datePrecision == null ? DatePrecision.DAY : datePrecision, url, seedFile);
    }
}
