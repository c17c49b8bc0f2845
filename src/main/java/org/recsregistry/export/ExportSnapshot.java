package org.recsregistry.export;

import org.jboss.logging.Logger;
import org.recsregistry.export.dto.ExportRecord;
import org.recsregistry.recommendation.RecommendationRows;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One open REPEATABLE READ, read-only transaction: the feed head it saw and the records it will
 * stream. Everything read through it comes from the same database snapshot.
 */
public final class ExportSnapshot implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ExportSnapshot.class);
    private static final int OPEN = 0;
    private static final int STREAMING = 1;
    private static final int CLOSED = 2;

    /** Receives the records in id order. */
    @FunctionalInterface
    public interface Sink {
        void accept(ExportRecord record) throws IOException;
    }

    private final Connection connection;
    private final ExportQuery query;
    private final long head;
    private final int fetchSize;
    // The request may end (client gone) before the body is written; the state decides who closes.
    private final AtomicInteger state = new AtomicInteger(OPEN);
    // Set when the exchange ends: a client that went away makes the output discard what is written,
    // so the streamer must stop by itself rather than read the whole registry for nobody.
    private volatile boolean cancelled;

    ExportSnapshot(Connection connection, ExportQuery query, long head, int fetchSize) {
        this.connection = connection;
        this.query = query;
        this.head = head;
        this.fetchSize = fetchSize;
    }

    /** The feed cursor this snapshot corresponds to: it holds every change up to it and none after. */
    public long head() {
        return head;
    }

    public ExportQuery query() {
        return query;
    }

    /** Streams the matching records to the sink, {@code fetchSize} rows in memory at a time; once only. */
    public void stream(Sink sink) throws IOException {
        if (!state.compareAndSet(OPEN, STREAMING)) {
            throw new IOException("The export snapshot was closed before it was streamed");
        }
        try (PreparedStatement statement = RecommendationRows.all(connection, query.filter(), fetchSize);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                if (cancelled) {
                    throw new IOException("The export was abandoned: the client went away");
                }
                sink.accept(ExportRows.record(rows, query.filter().asOf().isPresent()));
            }
        } catch (SQLException e) {
            throw new IOException("Cannot read the export snapshot", e);
        }
    }

    /**
     * For when the exchange ends: closes the snapshot if it was never streamed, and stops a stream
     * still running (whose streamer then closes it).
     */
    public void abandon() {
        cancelled = true;
        if (state.compareAndSet(OPEN, CLOSED)) {
            release();
        }
    }

    /** Ends the transaction (nothing to commit: it only read) and returns the connection. */
    @Override
    public void close() {
        if (state.getAndSet(CLOSED) != CLOSED) {
            release();
        }
    }

    /** True once the exchange has ended, normally or because the client went away. */
    public boolean abandoned() {
        return cancelled;
    }

    /** For tests: the connection the snapshot reads through. */
    Connection connection() {
        return connection;
    }

    /** Ends the transaction and returns the connection; a no-op without one. */
    static void release(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            LOG.debugf("Ending an export transaction failed (%s); closing its connection anyway", e.getMessage());
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.debugf("Closing an export connection failed: %s", e.getMessage());
            }
        }
    }

    private void release() {
        release(connection);
    }
}
