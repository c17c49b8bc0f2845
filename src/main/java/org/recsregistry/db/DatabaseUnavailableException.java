package org.recsregistry.db;

/** The database cannot be reached, so the work that needed it was not done; answered 503. */
public class DatabaseUnavailableException extends RuntimeException {

    /** Known without trying: the circuit is open. */
    public DatabaseUnavailableException() {
        super("The database cannot be reached");
    }

    public DatabaseUnavailableException(Throwable cause) {
        super("The database cannot be reached", cause);
    }
}
