package org.recsregistry.webhook.dto;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.recsregistry.change.ChangeKind;
import org.recsregistry.status.Status;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Which change-feed entries a subscription receives; an empty or absent list does not filter. */
@Schema(name = "WebhookFilters", description = "Filters combine with AND; values within one filter with OR. "
        + "The same rules as the parameters of GET /api/v1/changes.")
public record WebhookFilters(
        @Size(max = 50)
        @Schema(description = "Addressee codes: status changes of that addressee and other entries of "
                + "recommendations addressed to it.", example = "[\"CHN\", \"KOR\"]")
        List<String> addressee,
        @Size(max = 10)
        @Schema(description = "New status of status_changed entries (other kinds never match a status filter).",
                type = SchemaType.ARRAY, implementation = Status.class, example = "[\"implemented\"]")
        List<String> status,
        @Size(max = 4)
        @Schema(description = "Entry kinds.", type = SchemaType.ARRAY, implementation = ChangeKind.class,
                example = "[\"status_changed\", \"deleted\"]")
        List<String> kind) {

    public WebhookFilters {
        // Values are checked by the service, which names the offending filter; nulls are kept for it to see.
        addressee = addressee == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(addressee));
        status = status == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(status));
        kind = kind == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(kind));
    }

    public static WebhookFilters none() {
        return new WebhookFilters(null, null, null);
    }
}
