package app.vigie.moderation.api;

import app.vigie.moderation.application.Wellbeing;
import app.vigie.moderation.infrastructure.Exposures;
import app.vigie.platform.security.Caller;
import app.vigie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/wellbeing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "wellbeing", description = "Moderators' exposure to distressing content, and the caps that protect them")
public class WellbeingResource {

    @Inject
    Wellbeing wellbeing;
    @Inject
    Exposures exposures;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    public record Cap(@NotNull @Min(0) @Max(1000) Integer cap) {
    }

    @GET
    @Path("/me")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR})
    @Operation(summary = "Your exposures this shift, your team's cap, and whether a break is due")
    public Wellbeing.Status me() {
        return wellbeing.of(caller.subject());
    }

    @GET
    @Path("/exposure")
    @RolesAllowed({Roles.SENIOR_MODERATOR, Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "For supervisors: each moderator's exposures this shift, by category, most exposed first")
    public List<Exposures.Exposure> exposure() {
        return exposures.perModerator(caller.tenantScope(), wellbeing.shiftStart());
    }

    @PUT
    @Path("/caps/{teamId}")
    // Platform admins only: teams are the agency's, and a cap lifted by the people it protects protects no one.
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    @Operation(summary = "Set how many distressing cases a team's moderators decide per shift before a break")
    public RestResponse<Cap> setCap(@PathParam("teamId") UUID teamId, @Valid @NotNull Cap cap) {
        exposures.setCap(teamId, cap.cap(), caller.subject(), clock.instant());
        return RestResponse.ok(cap);
    }
}
