package org.recsregistry.common;

import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * ETag and Last-Modified on every API read, and 304 answers to matching conditional GETs,
 * decided from the registry revision alone, before any query runs.
 */
public class ConditionalGetFilters {

    private static final String API_PREFIX = "/api/";
    /** The change feed answers its own conditional GETs from the feed head, and streams cannot carry headers late. */
    private static final String FEED_PREFIX = "/api/v1/changes";
    /** Webhook subscriptions and delivery logs change without the registry revision moving. */
    private static final String WEBHOOKS_PREFIX = "/api/v1/webhooks";
    private static final String REVISION = ConditionalGetFilters.class.getName() + ".revision";

    @Inject
    RegistryState state;

    @ServerRequestFilter
    public Response answerNotModified(ContainerRequestContext context, Request request) {
        if (!isApiRead(context)) {
            return null;
        }
        RegistryState.Revision revision = state.current();
        context.setProperty(REVISION, revision);
        // If-None-Match, when present, decides alone (RFC 9110 13.2.2).
        Response.ResponseBuilder notModified = context.getHeaderString(HttpHeaders.IF_NONE_MATCH) != null
                ? request.evaluatePreconditions(revision.etag())
                : request.evaluatePreconditions(revision.lastModified(), revision.etag());
        return notModified == null ? null
                : notModified.tag(revision.etag()).lastModified(revision.lastModified()).build();
    }

    @ServerResponseFilter
    public void tagResponse(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 200 && request.getProperty(REVISION) instanceof RegistryState.Revision revision) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, revision.etag());
            response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, revision.lastModified());
        }
    }

    private static boolean isApiRead(ContainerRequestContext context) {
        String method = context.getMethod();
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                && context.getUriInfo().getPath().startsWith(API_PREFIX)
                && !context.getUriInfo().getPath().startsWith(FEED_PREFIX)
                && !context.getUriInfo().getPath().startsWith(WEBHOOKS_PREFIX);
    }
}
