package org.recsregistry.common;

import io.quarkus.runtime.BlockingOperationControl;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.recsregistry.db.DatabaseAvailability;

import java.lang.reflect.Method;
import java.util.Date;

/**
 * ETag and Last-Modified on every API read and every {@link RevisionConditional} page, and 304 answers to
 * matching conditional GETs, decided from the registry revision alone, before any query runs (from memory while the revision
 * notifications are followed, see {@link RegistryState}).
 */
public class ConditionalGetFilters {

    private static final String API_PREFIX = "/api/";
    /** The change feed answers its own conditional GETs from the feed head, and streams cannot carry headers late. */
    private static final String FEED_PREFIX = "/api/v1/changes";
    private static final String REVISION = ConditionalGetFilters.class.getName() + ".revision";

    private static final Logger LOG = Logger.getLogger(ConditionalGetFilters.class);

    @Inject
    RegistryState state;

    @Inject
    DatabaseAvailability availability;

    @ServerRequestFilter
    public Response answerNotModified(ContainerRequestContext context, Request request, ResourceInfo resource) {
        if (!(isApiRead(context) || isRevisionConditionalRead(context, resource)) || !isPublicRegistryRead(resource)) {
            return null;
        }
        RegistryState.Revision revision = state.current();
        context.setProperty(REVISION, revision);
        boolean unchanged = notModified(context.getHeaders().getFirst(HttpHeaders.IF_NONE_MATCH) != null, request,
                revision.lastModified(), revision.etag());
        return unchanged
                ? Response.notModified(revision.etag()).header(HttpHeaders.LAST_MODIFIED, revision.httpDate()).build()
                : null;
    }

    /** Whether to answer 304; If-None-Match, when present, decides alone (RFC 9110 13.2.2). */
    public static boolean notModified(boolean hasIfNoneMatch, Request request, Date lastModified, EntityTag etag) {
        if (hasIfNoneMatch) {
            return request.evaluatePreconditions(etag) != null;
        }
        try {
            return request.evaluatePreconditions(lastModified, etag) != null;
        } catch (RuntimeException unreadableDate) {
            // An If-Modified-Since that is not an HTTP-date is ignored (RFC 9110 13.1.3): the full answer.
            return false;
        }
    }

    @ServerResponseFilter
    public void tagResponse(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 200 && request.getProperty(REVISION) instanceof RegistryState.Revision revision) {
            response.getHeaders().putSingle(HttpHeaders.ETAG, revision.etag());
            response.getHeaders().putSingle(HttpHeaders.LAST_MODIFIED, revision.httpDate());
        }
    }

    /**
     * After a successful write, reads the revision back before the answer goes out, so that the
     * writer's next read on this instance (conditional or cached) sees its own write even if the
     * notification of it has not arrived yet. Writes run on worker threads, where blocking is fine.
     *
     * <p>The write has committed by then: if the read-back fails (the database went away just
     * after the commit) the answer stays the success it is, and the revision moves when the
     * notification arrives or the next read goes to the database.
     */
    @ServerResponseFilter
    public void afterWrite(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (response.getStatus() < 400 && !HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)
                && !HttpMethod.OPTIONS.equals(method) && request.getUriInfo().getPath().startsWith(API_PREFIX)
                && BlockingOperationControl.isBlockingAllowed()) {
            try {
                state.fromDatabase();
            } catch (RuntimeException e) {
                if (DatabaseAvailability.isConnectionFailure(e)) {
                    availability.unreachable(e);
                } else {
                    LOG.warn("Could not read the revision back after a write", e);
                }
            }
        }
    }

    private static boolean isApiRead(ContainerRequestContext context) {
        String method = context.getMethod();
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                && context.getUriInfo().getPath().startsWith(API_PREFIX)
                && !context.getUriInfo().getPath().startsWith(FEED_PREFIX);
    }

    private static boolean isRevisionConditionalRead(ContainerRequestContext context, ResourceInfo resource) {
        String method = context.getMethod();
        return (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method))
                && resource.getResourceClass() != null
                && resource.getResourceClass().isAnnotationPresent(RevisionConditional.class);
    }

    /**
     * Reads that answer from the registry's data, for everyone. Admin reads (tokens, audit,
     * webhooks) change without the revision moving and must not answer 304 before the role check;
     * {@link OwnValidators} reads tag themselves.
     */
    private static boolean isPublicRegistryRead(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        return !method.isAnnotationPresent(OwnValidators.class) && !method.isAnnotationPresent(RolesAllowed.class)
                && !resource.getResourceClass().isAnnotationPresent(RolesAllowed.class);
    }
}
