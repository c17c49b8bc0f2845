package org.recsregistry.common;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientGoneLogFilterTest {

    private static final String SSE = "org.jboss.resteasy.reactive.server.handlers.PublisherResponseHandler";
    private static final String NETTY = "io.netty.channel.AbstractChannelHandlerContext";
    private final ClientGoneLogFilter filter = new ClientGoneLogFilter();

    @Test
    void shouldDropAStreamWriteToAClientThatLeft() {
        assertFalse(filter.isLoggable(record(SSE, "Exception in SSE server handling", new IOException("Broken pipe"))));
        assertFalse(filter.isLoggable(record(SSE, "Exception in SSE server handling",
                new IllegalStateException(new IOException("Connection reset by peer")))));
        assertFalse(filter.isLoggable(record(SSE, "Exception in SSE server handling", new ClosedChannelException())));
        assertFalse(filter.isLoggable(record(NETTY, "Failed to mark a promise as failure because it has failed "
                + "already: DefaultChannelPromise@1(failure: io.netty.channel.StacklessClosedChannelException)",
                new IllegalStateException("refCnt: 0, decrement: 1"))));
    }

    @Test
    void shouldKeepEverythingElse() {
        assertTrue(filter.isLoggable(record(SSE, "Exception in SSE server handling",
                new IllegalStateException("cannot serialize"))));
        assertTrue(filter.isLoggable(record(SSE, "Exception in SSE server handling", new IOException("Disk full"))));
        assertTrue(filter.isLoggable(record(NETTY, "An exceptionCaught() event was fired", new IllegalStateException())));
        assertTrue(filter.isLoggable(record("org.recsregistry.webhook.WebhookSender", "Broken pipe",
                new IOException("Broken pipe"))));
        assertTrue(filter.isLoggable(record(SSE, "no failure attached", null)));
    }

    private static LogRecord record(String logger, String message, Throwable thrown) {
        LogRecord record = new LogRecord(Level.SEVERE, message);
        record.setLoggerName(logger);
        record.setThrown(thrown);
        return record;
    }
}
