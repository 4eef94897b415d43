package app.vigie.moderation.api;

import app.vigie.moderation.audit.ProjectionRebuild;
import app.vigie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Platform operators follow the projections and rebuild one from the events. */
@Path("/admin/projections")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Tag(name = "operations", description = "Operating the service: projections, pausing case opening")
public class ProjectionResource {

    @Inject
    ProjectionRebuild rebuild;

    @GET
    @Operation(summary = "Each projection's position in the event store, and whether it is being rebuilt")
    public List<ProjectionRebuild.Progress> all() {
        return rebuild.all();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One projection's position: follow a rebuild with it")
    public ProjectionRebuild.Progress one(@PathParam("name") String name) {
        return rebuild.of(name);
    }

    @POST
    @Path("/{name}/rebuild")
    @Operation(summary = "Empties the projection and replays every event into it (case-queue, audit-log); 202")
    public RestResponse<ProjectionRebuild.Progress> rebuild(@PathParam("name") String name) {
        return RestResponse.accepted(rebuild.rebuild(name));
    }
}
