package org.recsregistry.common;

/** A client error with its own status and problem type: 409, 410, 412, 428 and the like. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;

    public ProblemException(int status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail);
    }

    public static ProblemException gone(String what, String id) {
        return new ProblemException(410, "gone", "Gone", "The " + what + " '" + id + "' was deleted; its id stays reserved.");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
