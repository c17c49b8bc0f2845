package org.recsregistry.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;

/** Answers about one record, tagged with its {@link RecordTag} so that clients can send If-Match. */
@ApplicationScoped
public class RecordResponses {

    @Inject
    RegistryState state;

    /** 200 with the record, or 304 when the client's validators still match. */
    public <T> RestResponse<T> read(Request request, HttpHeaders headers, long version, T body) {
        RegistryState.Revision revision = state.current();
        EntityTag tag = RecordTag.of(version, revision.number());
        RestResponse.ResponseBuilder<T> response = ConditionalGetFilters.notModified(
                headers.getHeaderString(HttpHeaders.IF_NONE_MATCH) != null, request, revision.lastModified(), tag)
                ? RestResponse.ResponseBuilder.create(RestResponse.Status.NOT_MODIFIED)
                : RestResponse.ResponseBuilder.ok(body);
        return response.tag(tag).header(HttpHeaders.LAST_MODIFIED, revision.httpDate()).build();
    }

    /**
     * 304 before the record is read, when If-None-Match holds a tag of it at the current revision:
     * every write moves the revision, so nothing the answer shows has changed since. Null otherwise.
     */
    public <T> RestResponse<T> unchanged(HttpHeaders headers) {
        String ifNoneMatch = headers.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch == null) {
            return null;
        }
        RegistryState.Revision revision = state.current();
        String suffix = "." + revision.number() + "\"";
        for (String tag : ifNoneMatch.split(",")) {
            String opaque = tag.strip().startsWith("W/") ? tag.strip().substring(2) : tag.strip();
            if (opaque.startsWith("\"") && opaque.endsWith(suffix) && opaque.length() > suffix.length() + 1) {
                return RestResponse.ResponseBuilder.<T>create(RestResponse.Status.NOT_MODIFIED)
                        .tag(new EntityTag(opaque.substring(1, opaque.length() - 1)))
                        .header(HttpHeaders.LAST_MODIFIED, revision.httpDate()).build();
            }
        }
        return null;
    }

    public <T> RestResponse<T> written(long version, T body) {
        return RestResponse.ResponseBuilder.ok(body).tag(RecordTag.of(version, state.fromDatabase().number())).build();
    }

    public <T> RestResponse<T> created(URI location, long version, T body) {
        return RestResponse.ResponseBuilder.<T>created(location).entity(body)
                .tag(RecordTag.of(version, state.fromDatabase().number())).build();
    }
}
