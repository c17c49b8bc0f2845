package org.recsregistry.common;

/** The roles of the registry. Reads need none; writes need a curator; tokens, webhooks and imports an admin. */
public final class Roles {

    public static final String READER = "reader";
    public static final String CURATOR = "curator";
    public static final String ADMIN = "admin";

    private Roles() {
    }

    /** The roles a token of the given role holds: each role includes those below it. */
    public static java.util.Set<String> implied(String role) {
        return switch (role) {
            case ADMIN -> java.util.Set.of(ADMIN, CURATOR, READER);
            case CURATOR -> java.util.Set.of(CURATOR, READER);
            default -> java.util.Set.of(READER);
        };
    }
}
