package org.recsregistry.recommendation.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.recommendation.Confidence;
import org.recsregistry.status.Status;
import org.recsregistry.recommendation.EvidenceKind;
import org.recsregistry.source.DatePrecision;

import java.time.LocalDate;

/** A status change to record for one addressee of a recommendation. */
@Schema(name = "StatusEventCreate")
public record StatusEventCreate(
        @NotBlank @Size(max = 50) @Schema(example = "CHN") String addressee,
        @NotNull Status status,
        @NotNull @PastOrPresent @Schema(description = "When the change took effect.", example = "2024-07-04")
        LocalDate effectiveDate,
        @NotNull Confidence confidence,
        @NotNull @Valid EvidenceInput evidence,
        @Size(max = 2000)
        @Schema(description = "Curator's note.", example = "Corrects the effective date of the earlier event.",
                nullable = true) String note,
        @Positive @Schema(description = "The id of an earlier event of the same addressee that this one corrects.",
                nullable = true, example = "41") Long corrects) {

    /** The evidence for a status change. */
    @Schema(name = "EvidenceInput")
    public record EvidenceInput(
            @NotBlank @Size(max = 500) @Schema(example = "China's response to its 2024 Universal Periodic Review")
            String title,
            @Size(max = 300) @Schema(example = "UN Human Rights Council") String publisher,
            @NotNull @Schema(description = "Who says so: the kind of the cited document.", example = "addressee_statement")
            EvidenceKind kind,
            @PastOrPresent @Schema(description = "The evidence document's date; not before effectiveDate at its "
                    + "precision.", example = "2024-07-04") LocalDate date,
            @Schema(description = "How much of date is known; defaults to day when a date is given. With month the "
                    + "date is the first of the month, with year 1 January.", nullable = true)
            DatePrecision datePrecision,
            @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL")
            @Schema(description = "Where the evidence can be read; without one, say why in the event's note.",
                    example = "https://www.ohchr.org/en/hr-bodies/upr/cn-index") String url,
            @NotBlank @Size(max = 2000) @Schema(example = "North Koreans who cross illegally are not refugees.")
            String excerpt) {
    }
}
