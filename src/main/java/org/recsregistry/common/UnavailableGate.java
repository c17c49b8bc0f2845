package org.recsregistry.common;

import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.recsregistry.db.DatabaseAvailability;

/**
 * While the database cannot be reached, answers every API request that needs it with 503 at once
 * rather than letting it wait for the connection pool. Runs after the filters that answer from
 * memory (the response cache, which is a route filter, and the 304s of
 * {@link ConditionalGetFilters}), so those keep being answered.
 */
public class UnavailableGate {

    @Inject
    DatabaseAvailability availability;

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response refuseWhileDown(ContainerRequestContext context) {
        if (!availability.down() || !context.getUriInfo().getPath().startsWith("/api/")) {
            return null;
        }
        availability.requestRefused();
        return ProblemMappers.unavailable(context.getUriInfo());
    }
}
