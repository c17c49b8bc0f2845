package org.recsregistry.export.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.recommendation.EvidenceKind;
import org.recsregistry.recommendation.LinkRelation;
import org.recsregistry.status.Status;
import org.recsregistry.source.DatePrecision;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One recommendation as an export writes it: flat enough for a table, complete enough to sync from. */
@Schema(name = "ExportRecord")
public record ExportRecord(
        @Schema(example = "coi-2014-89-a") String id,
        @Schema(example = "coi-2014") String sourceId,
        @Schema(example = "A/HRC/25/63 para 89(a) (A/HRC/25/CRP.1 para 1220(a))") String locator,
        @Schema(description = "Verbatim text from the source; empty when it is not yet verified.") String text,
        boolean textVerified,
        @Schema(description = "Our one-line summary; never a quotation.") String summary,
        Status overallStatus,
        @Schema(description = "Addressees by code, each with its own status.") List<Addressee> addressees,
        @Schema(description = "Theme codes.", example = "[\"accountability\"]") List<String> themes,
        @Schema(description = "Outgoing links: this record relates to the target.") List<Link> links,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** An addressee of the record and its status. */
    @Schema(name = "ExportAddressee")
    public record Addressee(
            @Schema(example = "CHN") String code,
            Status status,
            @Schema(description = "Effective date of the event that set the status; null while unknown.", nullable = true)
            LocalDate statusSince,
            @Schema(description = "The evidence of the event that set the status; null while unknown.", nullable = true)
            StatusEvidence statusEvidence) {
    }

    /** Who says so, when, and where to read it: the citation of the event behind an addressee's status. */
    @Schema(name = "ExportStatusEvidence")
    public record StatusEvidence(
            @Schema(nullable = true) EvidenceKind kind,
            @Schema(nullable = true) LocalDate date,
            @Schema(description = "How much of date is known: day, month (day is 01) or year.", nullable = true)
            DatePrecision datePrecision,
            @Schema(nullable = true) String url) {
    }

    /** An outgoing link of the record. */
    @Schema(name = "ExportLink")
    public record Link(LinkRelation relation, @Schema(example = "coi-2014-94-h") String target) {
    }
}
