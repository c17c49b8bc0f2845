package org.recsregistry.openapi;

import io.restassured.filter.FilterContext;
import io.restassured.filter.OrderedFilter;
import io.restassured.http.Header;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fails a test whose request to a documented operation gets an answer the contract does not
 * describe (status, required headers, media type, body schema). Installed for every HTTP test by
 * {@link ContractValidationCallback}. Requests to paths or methods the contract does not document
 * (a probe of an unknown path, a wrong method) are left alone: there is nothing to compare with.
 */
public class ContractValidationFilter implements OrderedFilter {

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        Map<String, String> headers = new HashMap<>();
        for (Header header : response.getHeaders()) {
            headers.put(header.getName().toLowerCase(Locale.ROOT), header.getValue());
        }
        assertConforms(request.getMethod(), URI.create(request.getURI()).getRawPath(), response.getStatusCode(), headers,
                response.getContentType(), response.asByteArray());
        return response;
    }

    /**
     * Fails unless the answer conforms to the operation the contract documents for this method and
     * raw path; does nothing when it documents none. Header names in lower case.
     */
    public static void assertConforms(String method, String path, int status, Map<String, String> headers,
                                      String contentType, byte[] body) {
        Contract.get().operation(method.toUpperCase(Locale.ROOT), path).ifPresent(operation -> {
            List<String> faults = Contract.get().check(operation, status, headers, contentType, body);
            if (!faults.isEmpty()) {
                throw new AssertionError("The answer departs from " + Contract.FILE + ":\n  "
                        + String.join("\n  ", faults) + "\nBody: "
                        + abbreviated(new String(body, StandardCharsets.UTF_8)));
            }
        });
    }

    /** Last, so that it sees the answer as the test does. */
    @Override
    public int getOrder() {
        return OrderedFilter.LOWEST_PRECEDENCE;
    }

    private static String abbreviated(String body) {
        return body.length() <= 500 ? body : body.substring(0, 500) + "...";
    }
}
