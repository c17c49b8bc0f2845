package org.recsregistry.common;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Keeps the serialized body of a read that {@link ResponseCacheFilters} marked as cacheable, the
 * exact bytes sent. Bodies over the size limit are passed through and not kept.
 */
@Provider
public class ResponseCacheCapture implements WriterInterceptor {

    @Inject
    ResponseCache cache;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        // With the cache off nothing is ever pending: skip the per-request context lookup.
        ResponseCacheFilters.Pending pending = cache.enabled() ? pending() : null;
        if (pending == null) {
            context.proceed();
            return;
        }
        OutputStream original = context.getOutputStream();
        Capture capture = new Capture(original, cache.maxEntryBytes());
        context.setOutputStream(capture);
        try {
            context.proceed();
        } finally {
            context.setOutputStream(original);
        }
        if (!capture.passedThrough) {
            byte[] body = capture.buffer.toByteArray();
            pending.body = body;
            original.write(body);
        }
    }

    private static ResponseCacheFilters.Pending pending() {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        RoutingContext routing = request == null ? null : request.serverRequest().unwrap(RoutingContext.class);
        return routing == null ? null : routing.get(ResponseCacheFilters.PENDING);
    }

    /** Buffers up to the limit, then gives up and writes through. Closing is left to the caller's stream. */
    private static final class Capture extends OutputStream {
        private final OutputStream original;
        private final int limit;
        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);
        private boolean passedThrough;

        Capture(OutputStream original, int limit) {
            this.original = original;
            this.limit = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!passedThrough && buffer.size() + len > limit) {
                passedThrough = true;
                buffer.writeTo(original);
                buffer.reset();
            }
            if (passedThrough) {
                original.write(b, off, len);
            } else {
                buffer.write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (passedThrough) {
                original.flush();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
