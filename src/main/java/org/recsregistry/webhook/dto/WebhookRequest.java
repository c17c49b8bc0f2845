package org.recsregistry.webhook.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A request for a new webhook subscription. */
@Schema(name = "WebhookRequest")
public record WebhookRequest(
        @NotNull @Size(max = 2000) @Pattern(regexp = WebhookRequest.URL, message = "must be an http or https URL")
        @Schema(description = "Where deliveries are POSTed.", example = "https://example.org/hooks/registry")
        String url,
        @Valid
        @Schema(description = "Which changes to send; absent: every change.")
        WebhookFilters filters,
        @Size(min = 16, max = 200)
        @Schema(description = "The HMAC key that signs deliveries; absent: a random one is made. It is returned in "
                + "the creation answer only.", example = "s3cr3t-shared-with-the-receiver", nullable = true)
        String secret,
        @Size(max = 500)
        @Schema(description = "What the subscription is for.", example = "Sync of the CHN status board",
                nullable = true)
        String description) {

    /**
     * An absolute http(s) URL with a host and no spaces. The scheme's letters are spelled out in
     * either case rather than with (?i), a flag JavaScript validators of the contract reject.
     */
    public static final String URL = "[hH][tT][tT][pP][sS]?://[^\\s/?#@]+(/[^\\s]*)?";
}
