package app.vigie.registry.api;

import app.vigie.platform.http.ETags;
import app.vigie.platform.security.Roles;
import app.vigie.registry.application.Tenants;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/tenants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tenants", description = "Client companies")
public class TenantResource {


    @Inject
    Tenants tenants;

    @POST
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Register a client company")
    public Uni<RestResponse<TenantDtos.View>> create(@Valid @NotNull TenantDtos.Create request) {
        return tenants.create(request).map(t -> RestResponse.ResponseBuilder.<TenantDtos.View>created(URI.create("/tenants/" + t.slug))
                .entity(Views.of(t)).header("ETag", ETags.of(t.version)).build());
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN, Roles.MODERATOR, Roles.SENIOR_MODERATOR,
            Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.AUDITOR, Roles.INTEGRATION, Roles.SERVICE})
    @Operation(summary = "Client companies the caller may see: all for platform staff, its own otherwise")
    public Uni<List<TenantDtos.View>> list() {
        return tenants.list().map(list -> list.stream().map(Views::of).toList());
    }

    @GET
    @Path("/{slug}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN, Roles.MODERATOR, Roles.SENIOR_MODERATOR,
            Roles.COMMUNITY_MANAGER, Roles.ANALYST, Roles.AUDITOR, Roles.INTEGRATION, Roles.SERVICE})
    public Uni<RestResponse<TenantDtos.View>> get(@PathParam("slug") String slug) {
        return tenants.get(slug).map(t -> ok(Views.of(t), t.version));
    }

    @PUT
    @Path("/{slug}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    @Operation(summary = "Change name, legal name and contacts (If-Match required)")
    public Uni<RestResponse<TenantDtos.View>> update(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch,
                                                   @Valid @NotNull TenantDtos.Update request) {
        return tenants.update(slug, ifMatch, request).map(t -> ok(Views.of(t), t.version));
    }

    @POST
    @Path("/{slug}/suspend")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Suspend a client company: no new communities (If-Match required)")
    public Uni<RestResponse<TenantDtos.View>> suspend(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
        return tenants.changeStatus(slug, ifMatch, "SUSPENDED").map(t -> ok(Views.of(t), t.version));
    }

    @POST
    @Path("/{slug}/reactivate")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public Uni<RestResponse<TenantDtos.View>> reactivate(@PathParam("slug") String slug, @HeaderParam("If-Match") String ifMatch) {
        return tenants.changeStatus(slug, ifMatch, "ACTIVE").map(t -> ok(Views.of(t), t.version));
    }

    static <T> RestResponse<T> ok(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).header("ETag", ETags.of(version)).build();
    }

}
