package org.recsregistry.recommendation.dto;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.status.Status;

import java.time.LocalDate;

/** An addressee of a recommendation with that addressee's own current status. */
@Schema(name = "AddresseeStatus")
public record AddresseeStatus(
        @Schema(example = "CHN") String code,
        @Schema(example = "People's Republic of China") String name,
        Status status,
        @Schema(description = "Effective date of the event that set the status; null while unknown.", nullable = true)
        LocalDate statusSince) {
}
