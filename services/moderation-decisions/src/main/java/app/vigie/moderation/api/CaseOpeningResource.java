package app.vigie.moderation.api;

import app.vigie.moderation.infrastructure.MessageEvents;
import app.vigie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Platform operators pause and resume the opening of cases from {@code message.received}, on this instance. */
@Path("/admin/case-opening")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PLATFORM_ADMIN)
@Tag(name = "operations", description = "Operating the service: pausing case opening")
public class CaseOpeningResource {

    @Inject
    MessageEvents messages;

    /** Whether this instance opens cases, and how many received messages wait here to be opened. */
    public record State(boolean paused, int waiting) {
    }

    public record Change(@NotNull Boolean paused) {
    }

    @GET
    @Operation(summary = "Whether this instance opens cases, and how many received messages wait in it")
    public State state() {
        return new State(messages.paused(), messages.waiting());
    }

    @PUT
    @Operation(summary = "Pause or resume opening cases on this instance; paused, messages wait in RabbitMQ")
    public State change(@Valid @NotNull Change change) {
        if (change.paused()) {
            messages.pause();
        } else {
            messages.resume();
        }
        return state();
    }
}
