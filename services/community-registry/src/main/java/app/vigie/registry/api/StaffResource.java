package app.vigie.registry.api;

import app.vigie.platform.security.Roles;
import app.vigie.registry.application.StaffDirectory;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "staff", description = "People and teams who work on communities")
public class StaffResource {

    @Inject
    StaffDirectory directory;

    @POST
    @Path("staff")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    @Operation(summary = "Add a staff member, known by their Keycloak subject")
    public Uni<RestResponse<StaffDtos.View>> add(@Valid @NotNull StaffDtos.Request request) {
        return directory.add(request).map(s -> RestResponse.ResponseBuilder.<StaffDtos.View>created(URI.create("/staff/" + s.id))
                .entity(Views.of(s)).header("ETag", app.vigie.platform.http.ETags.of(s.version)).build());
    }

    @GET
    @Path("staff")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN, Roles.AUDITOR, Roles.SERVICE})
    @Operation(summary = "Staff the caller may see; ?subject= finds the one with that Keycloak subject")
    public Uni<List<StaffDtos.View>> listStaff(@jakarta.ws.rs.QueryParam("subject") String subject) {
        return directory.listStaff(subject).map(list -> list.stream().map(Views::of).toList());
    }

    @GET
    @Path("staff/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN, Roles.AUDITOR, Roles.SERVICE})
    public Uni<RestResponse<StaffDtos.View>> getStaff(@PathParam("id") UUID id) {
        return directory.getStaff(id).map(s -> TenantResource.ok(Views.of(s), s.version));
    }

    @PUT
    @Path("staff/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    @Operation(summary = "Change a staff member's name, e-mail or languages (If-Match required)")
    public Uni<RestResponse<StaffDtos.View>> updateStaff(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                       @Valid @NotNull StaffDtos.Request request) {
        return directory.update(id, ifMatch, request).map(s -> TenantResource.ok(Views.of(s), s.version));
    }

    @POST
    @Path("staff/{id}/archive")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    @Operation(summary = "Archive a staff member: they leave every community they worked on (If-Match required)")
    public Uni<RestResponse<StaffDtos.View>> archiveStaff(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return directory.archive(id, ifMatch).map(s -> TenantResource.ok(Views.of(s), s.version));
    }

    @POST
    @Path("teams")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    public Uni<RestResponse<StaffDtos.TeamView>> createTeam(@Valid @NotNull StaffDtos.TeamRequest request) {
        return directory.createTeam(request).chain(t -> directory.members(t.id).map(members -> RestResponse.ResponseBuilder
                .<StaffDtos.TeamView>created(URI.create("/teams/" + t.id)).entity(Views.of(t, members))
                .header("ETag", app.vigie.platform.http.ETags.of(t.version)).build()));
    }

    @GET
    @Path("teams")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN, Roles.AUDITOR, Roles.SERVICE})
    public Uni<List<StaffDtos.TeamView>> listTeams() {
        return directory.listTeams().chain(teams -> {
            List<Uni<StaffDtos.TeamView>> views = teams.stream()
                    .map(t -> directory.members(t.id).map(m -> Views.of(t, m))).toList();
            return views.isEmpty() ? Uni.createFrom().item(List.<StaffDtos.TeamView>of())
                    : Uni.join().all(views).andFailFast();
        });
    }

    @GET
    @Path("teams/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN, Roles.AUDITOR, Roles.SERVICE})
    public Uni<RestResponse<StaffDtos.TeamView>> getTeam(@PathParam("id") UUID id) {
        return directory.getTeam(id).chain(t -> directory.members(t.id).map(m -> TenantResource.ok(Views.of(t, m), t.version)));
    }

    @PUT
    @Path("teams/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    @Operation(summary = "Rename a team or replace its members (If-Match required)")
    public Uni<RestResponse<StaffDtos.TeamView>> updateTeam(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                          @Valid @NotNull StaffDtos.TeamRequest request) {
        return directory.updateTeam(id, ifMatch, request)
                .chain(t -> directory.members(t.id).map(m -> TenantResource.ok(Views.of(t, m), t.version)));
    }

    @POST
    @Path("teams/{id}/archive")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    @Operation(summary = "Archive a team: its members leave the communities it was assigned to (If-Match required)")
    public Uni<RestResponse<StaffDtos.TeamView>> archiveTeam(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return directory.archiveTeam(id, ifMatch)
                .chain(t -> directory.members(t.id).map(m -> TenantResource.ok(Views.of(t, m), t.version)));
    }
}
