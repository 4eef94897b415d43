package app.vigie.intake.api;

import app.vigie.intake.application.Deliveries;
import app.vigie.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "callbacks", description = "Enforcement callbacks to client systems")
public class DeliveryResource {

    @Inject
    Deliveries deliveries;

    @GET
    @Path("/dead")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Callbacks given up after the last retry")
    public Uni<List<Deliveries.Delivery>> dead() {
        return deliveries.dead();
    }

    @POST
    @Path("/{id}/retry")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    @Operation(summary = "Send a dead callback again (after the client fixed its endpoint)")
    public Uni<Deliveries.Delivery> retry(@PathParam("id") UUID id) {
        return deliveries.retry(id);
    }
}
