package org.recsregistry.common;

import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A request with a body must say what the body is: without Content-Type, JAX-RS matches any
 * method and reads the body as JSON anyway; and an unreadable one (garbage/////) made the media
 * type parser throw, a 500. Both are answered 415, like any other unsupported media type.
 */
public class BodyContentType {

    @ServerRequestFilter(preMatching = true)
    public void requireContentType(ContainerRequestContext context) {
        boolean hasBody = context.getHeaderString(HttpHeaders.CONTENT_LENGTH) != null
                ? !"0".equals(context.getHeaderString(HttpHeaders.CONTENT_LENGTH).strip())
                : context.getHeaderString("Transfer-Encoding") != null;
        String type = context.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (hasBody && (type == null || type.isBlank())) {
            throw new NotSupportedException("A request body needs a Content-Type.");
        }
        if (type != null) {
            try {
                MediaType.valueOf(type);
            } catch (IllegalArgumentException unreadable) {
                throw new NotSupportedException("The Content-Type is not a media type.");
            }
        }
    }
}
