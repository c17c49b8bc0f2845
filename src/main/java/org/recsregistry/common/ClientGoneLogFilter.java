package org.recsregistry.common;

import io.quarkus.logging.LoggingFilter;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Set;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * Drops the errors that RESTEasy Reactive and Netty log when a client closes an event stream while
 * an event is being written to it. Stream clients go away all the time (a tab closes, a monitor
 * restarts, Last-Event-ID brings them back); each of these would otherwise be an ERROR with a stack
 * trace. Anything else those loggers say, and every other logger, passes.
 */
@LoggingFilter(name = "client-gone")
public final class ClientGoneLogFilter implements Filter {

    private static final Set<String> STREAM_WRITERS = Set.of(
            "org.jboss.resteasy.reactive.server.handlers.PublisherResponseHandler",
            "io.netty.channel.AbstractChannelHandlerContext");

    @Override
    public boolean isLoggable(LogRecord record) {
        if (!STREAM_WRITERS.contains(record.getLoggerName())) {
            return true;
        }
        // Netty names the closed channel in the message and attaches a follow-up failure instead.
        String message = record.getMessage();
        return !clientGone(record.getThrown()) && (message == null || !message.contains("ClosedChannelException"));
    }

    /** Whether the failure, or one of its causes, is a connection the peer closed. */
    static boolean clientGone(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedChannelException) {
                return true;
            }
            String message = t.getMessage();
            if (t instanceof IOException && message != null
                    && (message.contains("Broken pipe") || message.contains("Connection reset by peer"))) {
                return true;
            }
        }
        return false;
    }
}
