package org.recsregistry.source.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.source.DatePrecision;
import org.recsregistry.source.SourceKind;

import java.time.LocalDate;

/** The editable fields of a source. */
@Schema(name = "SourceEdit")
public record SourceEdit(
        @NotBlank @Size(max = 500) @Schema(example = "Report of the Special Rapporteur (A/HRC/58/61)") String title,
        @NotBlank @Size(max = 300) @Schema(example = "UN Human Rights Council") String publisher,
        @NotNull SourceKind kind,
        @Schema(example = "2025-03-01", nullable = true) LocalDate publishedDate,
        @NotNull DatePrecision datePrecision,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
        @Schema(example = "https://www.ohchr.org/", nullable = true) String url,
        @Size(max = 200)
        @Schema(description = "The source's file among the registry's seed documents, where there is one.",
                example = "004_a6ecfba0e7839713.txt", nullable = true) String seedFile) {
}
