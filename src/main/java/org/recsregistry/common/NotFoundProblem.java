package org.recsregistry.common;

/** Thrown when a named resource does not exist; answered 404. */
public class NotFoundProblem extends RuntimeException {

    public NotFoundProblem(String what, String id) {
        super("No " + what + " with id '" + id + "'");
    }
}
