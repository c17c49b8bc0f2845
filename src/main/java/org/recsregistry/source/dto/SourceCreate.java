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
        @Schema(example = "Report of the Special Rapporteur (A/HRC/58/61)") String title,
        @Schema(example = "UN Human Rights Council") String publisher,
        SourceKind kind,
        @Schema(example = "2025-03-01") LocalDate publishedDate,
        @Schema(description = "Defaults to day.") DatePrecision datePrecision,
        @Schema(example = "https://www.ohchr.org/") String url,
        @Schema(description = "The source's file among the registry's seed documents, where there is one.",
                example = "004_a6ecfba0e7839713.txt") String seedFile) {

    public SourceEdit edit() {
        return new SourceEdit(title, publisher, kind, publishedDate,
                datePrecision == null ? DatePrecision.DAY : datePrecision, url, seedFile);
    }
}
