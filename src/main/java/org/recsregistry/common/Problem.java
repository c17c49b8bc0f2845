package org.recsregistry.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, the body of every error answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "An RFC 9457 problem detail (media type application/problem+json).")
public record Problem(
        @Schema(description = "URI reference that identifies the problem type.", example = "https://registry.example/problems/invalid-parameters")
        String type,
        @Schema(description = "Short, human-readable summary of the problem type.", example = "Invalid parameters")
        String title,
        @Schema(description = "The HTTP status code.", example = "400")
        int status,
        @Schema(description = "Explanation specific to this occurrence.", example = "1 parameter is invalid")
        String detail,
        @Schema(description = "The request path this problem occurred on.", example = "/api/v1/recommendations")
        String instance,
        @Schema(description = "For validation problems: each offending parameter or field and why.")
        List<InvalidParam> invalidParams) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://recsregistry.org/problems/";

    /** One offending parameter or field and the reason it was rejected. */
    @Schema(name = "InvalidParam")
    public record InvalidParam(
            @Schema(description = "The parameter or field name.", example = "limit")
            String name,
            @Schema(description = "Why it was rejected.", example = "must be between 1 and 200")
            String reason) {
    }
}
