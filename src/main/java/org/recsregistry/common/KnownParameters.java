package org.recsregistry.common;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refuses query parameters that the endpoint does not take, with a 400 naming each one: a misspelled
 * filter ({@code adressee=CHN}) silently ignored would answer the whole registry as if it had been
 * applied. What an endpoint takes is read from its {@code @QueryParam}s, directly or in a {@code @BeanParam}.
 */
public class KnownParameters {

    private static final Map<Method, Set<String>> TAKEN = new ConcurrentHashMap<>();

    // Before the conditional-GET filter, so that a wrong request never answers 304.
    @ServerRequestFilter(priority = jakarta.ws.rs.Priorities.USER - 100)
    public void refuseUnknown(RoutingContext routing, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Set<String> taken = TAKEN.computeIfAbsent(method, KnownParameters::queryParameters);
        // The names as Vert.x parsed them for the @QueryParams; UriInfo would parse and decode the query again.
        Set<String> given = routing.queryParams().names();
        if (taken.containsAll(given)) {
            return;
        }
        List<Problem.InvalidParam> problems = given.stream()
                .filter(name -> !taken.contains(name)).sorted()
                .map(name -> new Problem.InvalidParam(name, taken.isEmpty() ? "is not a parameter of this endpoint, "
                        + "which takes none" : "is not a parameter of this endpoint; it takes " + String.join(", ",
                        taken.stream().sorted().toList())))
                .toList();
        if (!problems.isEmpty()) {
            throw new InvalidParametersException(problems);
        }
    }

    private static Set<String> queryParameters(Method method) {
        Set<String> names = new HashSet<>();
        for (Parameter parameter : method.getParameters()) {
            QueryParam query = parameter.getAnnotation(QueryParam.class);
            if (query != null) {
                names.add(query.value());
            }
            if (parameter.isAnnotationPresent(BeanParam.class)) {
                beanParameters(parameter.getType(), names);
            }
        }
        return Set.copyOf(names);
    }

    private static void beanParameters(Class<?> type, Set<String> names) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                QueryParam query = field.getAnnotation(QueryParam.class);
                if (query != null) {
                    names.add(query.value());
                }
                if (field.isAnnotationPresent(BeanParam.class)) {
                    beanParameters(field.getType(), names);
                }
            }
        }
    }
}
