package app.vigie.scheduling.api;

import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.request.QueryParams;
import app.vigie.platform.security.Caller;
import app.vigie.platform.security.Roles;
import app.vigie.scheduling.application.CoverageCheck;
import app.vigie.scheduling.application.Shifts;
import app.vigie.scheduling.application.Tasks;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** Who is on duty (shifts), whether that covers what each community promises, and the replies owed (tasks). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "duty", description = "Shifts, coverage of every community and language, reply tasks with deadlines")
public class DutyResource {

    /** The longest period one coverage check covers. */
    static final Duration LONGEST_CHECK = Duration.ofDays(62);

    @Inject
    Shifts shifts;
    @Inject
    Tasks tasks;
    @Inject
    CoverageCheck coverage;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    @POST
    @Path("/shifts")
    @RolesAllowed({Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Plan a shift (local start and end in its time zone); a person never has two at once")
    public Uni<RestResponse<DutyDtos.Shift>> plan(@Valid @NotNull DutyDtos.ShiftRequest request) {
        return shifts.plan(request.plan()).map(s -> RestResponse.ResponseBuilder
                .<DutyDtos.Shift>created(URI.create("/shifts/" + s.id)).entity(DutyDtos.Shift.of(s)).build());
    }

    @GET
    @Path("/shifts")
    @RolesAllowed({Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Shifts overlapping [from, to) of the caller's company, of one person if named")
    public Uni<List<DutyDtos.Shift>> roster(@QueryParam("from") String from, @QueryParam("to") String to,
                                            @QueryParam("tenant") String tenant, @QueryParam("person") String person) {
        Instant[] range = range(from, to);
        return shifts.during(range[0], range[1], tenant, person).map(l -> l.stream().map(DutyDtos.Shift::of).toList());
    }

    @DELETE
    @Path("/shifts/{id}")
    @RolesAllowed({Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Remove a shift (its tasks go to whoever else is on duty)")
    public Uni<RestResponse<Void>> remove(@PathParam("id") String id) {
        return shifts.remove(id(id, "path.id")).replaceWith(RestResponse.noContent());
    }

    @GET
    @Path("/coverage")
    @Blocking
    @RolesAllowed({Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Every community × language × hour of its coverage promise in [from, to) with fewer people on "
            + "shift than required, as merged stretches")
    public CoverageCheck.Result coverage(@QueryParam("from") String from, @QueryParam("to") String to,
                                         @QueryParam("communityId") String communityId,
                                         @QueryParam("tenant") String tenant, @QueryParam("required") String required) {
        Instant[] range = range(from, to);
        Optional<UUID> community = Optional.ofNullable(QueryParams.uuid(communityId, "query.communityId"));
        Optional<String> scope = caller.tenantToRead(tenant);
        if (community.isPresent()) {
            Optional<String> owner = coverage.tenantOf(community.get());
            if (owner.isEmpty() || !caller.canSee(owner.get())) {
                throw ProblemException.notFound("community " + community.get());
            }
        }
        Integer people = null;
        if (required != null && !required.isBlank()) {
            try {
                people = Integer.parseInt(required.strip());
            } catch (NumberFormatException e) {
                people = 0;
            }
            if (people < 1 || people > 50) {
                throw ProblemException.invalid("query.required", "must be a number of people from 1 to 50");
            }
        }
        return coverage.check(scope, community, range[0], range[1], people);
    }

    @POST
    @Path("/tasks")
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "A reply owed, asked for by hand; its deadline follows the community's reply SLA and promise")
    public Uni<RestResponse<DutyDtos.Task>> ask(@Valid @NotNull DutyDtos.TaskRequest request) {
        return tasks.byHand(request.request()).map(t -> RestResponse.ResponseBuilder
                .<DutyDtos.Task>created(URI.create("/tasks/" + t.id)).entity(DutyDtos.Task.of(t, clock.instant())).build());
    }

    @GET
    @Path("/tasks")
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Tasks by deadline: OPEN (default) or DONE, of a community, or mine=true")
    public Uni<List<DutyDtos.Task>> list(@QueryParam("state") String state, @QueryParam("communityId") String communityId,
                                         @QueryParam("mine") boolean mine, @QueryParam("tenant") String tenant) {
        if (state != null && !List.of(Tasks.OPEN, Tasks.DONE).contains(state)) {
            throw ProblemException.invalid("query.state", "must be OPEN or DONE");
        }
        return tasks.list(state, Optional.ofNullable(QueryParams.uuid(communityId, "query.communityId")), mine, tenant)
                .map(l -> l.stream().map(t -> DutyDtos.Task.of(t, clock.instant())).toList());
    }

    @GET
    @Path("/tasks/{id}")
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN, Roles.AUDITOR})
    public Uni<DutyDtos.Task> task(@PathParam("id") String id) {
        return tasks.get(id(id, "path.id")).map(t -> DutyDtos.Task.of(t, clock.instant()));
    }

    @POST
    @Path("/tasks/{id}/done")
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Record the reply given and where it was posted")
    public Uni<DutyDtos.Task> done(@PathParam("id") String id, @Valid @NotNull DutyDtos.TaskReply reply) {
        return tasks.done(id(id, "path.id"), new Tasks.Reply(reply.text(), reply.link()))
                .map(t -> DutyDtos.Task.of(t, clock.instant()));
    }

    private Instant[] range(String from, String to) {
        Instant start = QueryParams.instant(from, "query.from");
        Instant end = QueryParams.instant(to, "query.to");
        if (start == null) {
            throw ProblemException.invalid("query.from", "is required: an instant with its offset (2026-12-07T00:00:00+01:00)");
        }
        if (end == null) {
            throw ProblemException.invalid("query.to", "is required: an instant with its offset");
        }
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("query.to", "must be after from");
        }
        if (Duration.between(start, end).compareTo(LONGEST_CHECK) > 0) {
            throw ProblemException.invalid("query.to", "at most 62 days after from");
        }
        return new Instant[] {start, end};
    }

    private static UUID id(String value, String field) {
        UUID id = QueryParams.uuid(value, field);
        if (id == null) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
        return id;
    }
}
