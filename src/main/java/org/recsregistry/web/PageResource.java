package org.recsregistry.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.recsregistry.recommendation.ListParams;
import org.recsregistry.common.RevisionConditional;

/**
 * The registry for people: server-rendered pages (Qute) over the services the API reads. Tagged and
 * answered 304 from the registry revision like the API's reads; the contract leaves them out, as they are
 * not part of the API.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RevisionConditional
public class PageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance home(Views.Home home);

        static native TemplateInstance recommendations(Views.Listing listing);

        static native TemplateInstance recommendation(Views.Record record);

        static native TemplateInstance addressee(Views.Addressee view);

        static native TemplateInstance source(Views.Source view);
    }

    @Inject
    PageService pages;

    @GET
    @Operation(hidden = true)
    public TemplateInstance home() {
        return Templates.home(pages.home());
    }

    /**
     * The list takes the API's own parameters (declared by {@link ListParams}; an empty form field is left
     * out); a bad one is a 400 problem naming it, as from the API.
     */
    @GET
    @Path("recommendations")
    @Operation(hidden = true)
    public TemplateInstance recommendations(@BeanParam ListParams parameters, @Context UriInfo uri) {
        return Templates.recommendations(pages.list(uri.getQueryParameters()));
    }

    @GET
    @Path("recommendations/{id}")
    @Operation(hidden = true)
    public TemplateInstance recommendation(@PathParam("id") String id, @Context UriInfo uri) {
        return Templates.recommendation(pages.record(id, uri.getBaseUri().toString()));
    }

    @GET
    @Path("addressees/{code}")
    @Operation(hidden = true)
    public TemplateInstance addressee(@PathParam("code") String code) {
        return Templates.addressee(pages.addressee(code));
    }

    @GET
    @Path("sources/{id}")
    @Operation(hidden = true)
    public TemplateInstance source(@PathParam("id") String id) {
        return Templates.source(pages.source(id));
    }
}
