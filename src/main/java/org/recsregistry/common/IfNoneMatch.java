package org.recsregistry.common;

/** If-None-Match against one entity tag, for the answers that check it themselves rather than through JAX-RS. */
public final class IfNoneMatch {

    private IfNoneMatch() {
    }

    /**
     * Whether the header (a list of tags, or *) names this tag by weak comparison (RFC 9110 8.8.3.2):
     * the opaque tags are equal, whether or not either is marked W/. False when there is no header.
     */
    public static boolean matches(String header, String etag) {
        if (header == null) {
            return false;
        }
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.equals("*") || weaklyEqual(t, etag)) {
                return true;
            }
        }
        return false;
    }

    private static boolean weaklyEqual(String a, String b) {
        int fromA = a.startsWith("W/") ? 2 : 0;
        int fromB = b.startsWith("W/") ? 2 : 0;
        int length = a.length() - fromA;
        return length == b.length() - fromB && a.regionMatches(fromA, b, fromB, length);
    }
}
