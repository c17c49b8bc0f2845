package org.recsregistry.common;

import jakarta.ws.rs.core.EntityTag;

import java.util.Optional;

/**
 * The entity tag of one record: "{version}.{revision}". The version alone decides If-Match on
 * writes (a change elsewhere in the registry is no conflict); both together decide If-None-Match,
 * since a record's answer also shows other records (names, linked summaries).
 */
public final class RecordTag {

    /** How the contract describes a record's ETag. */
    public static final String DESCRIPTION = "Strong validator of this record: \"{version}.{revision}\". Send it "
            + "as If-Match to change the record (only the version part is compared there), or as If-None-Match to "
            + "read it again.";
    public static final String IF_MATCH_DESCRIPTION = "The record's strong ETag as last read (from its GET, or the "
            + "answer of the last write); a weak ETag never matches. Missing: 428; stale: 412.";
    public static final String EXAMPLE = "\"3.812\"";

    private RecordTag() {
    }

    public static EntityTag of(long version, long revision) {
        return new EntityTag(version + "." + revision);
    }

    /**
     * Checks If-Match against the record's current version: 428 without it, 412 when it is stale
     * (or unreadable), so that of two concurrent updates exactly one wins.
     */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(428, "precondition-required", "Precondition required",
                    "Send If-Match with the ETag of the record as you last read it.");
        }
        boolean matches = false;
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            matches |= t.equals("*") || version(t).filter(v -> v == currentVersion).isPresent();
        }
        if (!matches) {
            throw new ProblemException(412, "precondition-failed", "Precondition failed",
                    "The record has changed since the ETag given; read it again and reapply your change.");
        }
    }

    /** The version in a strong tag written by {@link #of}; weak tags never match If-Match. */
    private static Optional<Long> version(String tag) {
        if (tag.length() < 2 || !tag.startsWith("\"") || !tag.endsWith("\"")) {
            return Optional.empty();
        }
        String value = tag.substring(1, tag.length() - 1);
        int dot = value.indexOf('.');
        try {
            return Optional.of(Long.parseLong(dot < 0 ? value : value.substring(0, dot)));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
