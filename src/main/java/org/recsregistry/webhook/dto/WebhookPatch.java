package org.recsregistry.webhook.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partial update of a webhook subscription; absent fields are left as they are. */
@Schema(name = "WebhookPatch")
public record WebhookPatch(
        @Schema(description = "false stops deliveries (changes are still matched later: see the README); true "
                + "re-enables a subscription, also one disabled after failures, and resets its failure count.",
                example = "true", nullable = true)
        Boolean enabled,
        @Size(max = 2000) @Pattern(regexp = WebhookRequest.URL, message = "must be an http or https URL")
        @Schema(description = "Where deliveries are POSTed.", example = "https://example.org/hooks/registry",
                nullable = true)
        String url,
        @Valid
        @Schema(description = "Replaces the filters as a whole; applies to changes not yet queued.", nullable = true)
        WebhookFilters filters,
        @Size(max = 500)
        @Schema(description = "What the subscription is for.", example = "Sync of the CHN status board",
                nullable = true)
        String description,
        @Size(min = 16, max = 200)
        @Schema(description = "A new HMAC key, to rotate the secret: deliveries sent from this answer on are "
                + "signed with it, including those already queued. Returned in this answer only.",
                example = "n3w-s3cr3t-shared-with-the-receiver", nullable = true)
        String secret) {
}
