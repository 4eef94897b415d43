package app.vigie.scheduling.api;

import app.vigie.platform.http.ETags;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.request.QueryParams;
import app.vigie.platform.security.Roles;
import app.vigie.scheduling.application.Posts;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** The editorial calendar: posts, their review by the client, and the calendar views. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "calendar", description = "Posts drafted by community managers, approved by the client, published at their time")
public class PostResource {

    @Inject
    Posts posts;

    @POST
    @Path("/posts")
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Draft a post for a community")
    public Uni<RestResponse<PostDtos.View>> create(@Valid @NotNull PostDtos.Request request) {
        return posts.create(request.draft()).map(found -> RestResponse.ResponseBuilder
                .<PostDtos.View>created(URI.create("/posts/" + found.post().id)).entity(PostDtos.view(found)).build());
    }

    @GET
    @Path("/posts")
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Posts in one state, by planned time: FAILED lists what the publisher gave up on (with the reason)")
    public Uni<java.util.List<PostDtos.View>> inState(@QueryParam("state") String state,
                                                     @QueryParam("communityId") String communityId,
                                                     @QueryParam("tenant") String tenant) {
        app.vigie.scheduling.domain.PostState wanted;
        try {
            wanted = app.vigie.scheduling.domain.PostState.valueOf(state == null ? "" : state.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("query.state", "is required, one of "
                    + java.util.Arrays.toString(app.vigie.scheduling.domain.PostState.values()));
        }
        return posts.inState(wanted, Optional.ofNullable(QueryParams.uuid(communityId, "query.communityId")), tenant)
                .map(list -> list.stream().map(PostDtos::view).toList());
    }

    @GET
    @Path("/posts/{id}")
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN, Roles.AUDITOR})
    @Operation(summary = "A post with its history: who drafted, submitted, approved, scheduled it, and when")
    public Uni<RestResponse<PostDtos.View>> get(@PathParam("id") String id) {
        return posts.get(id(id)).map(PostResource::withETag);
    }

    /** The post with its version as {@code ETag}, which an edit sends back in {@code If-Match}. */
    private static RestResponse<PostDtos.View> withETag(Posts.Found found) {
        return RestResponse.ResponseBuilder.ok(PostDtos.view(found)).header("ETag", ETags.of(found.post().version)).build();
    }

    @PUT
    @Path("/posts/{id}")
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Change a post's text, media or time (If-Match: its ETag); a post the client is reviewing or has approved goes back to a draft")
    public Uni<RestResponse<PostDtos.View>> edit(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
                                                 @Valid @NotNull PostDtos.Edit edit) {
        return posts.edit(id(id), ifMatch, new Posts.Draft(null, edit.text(), edit.media(), edit.plannedAt()))
                .map(PostResource::withETag);
    }

    @POST
    @Path("/posts/{id}/submit")
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Send a draft to the client for approval")
    public Uni<PostDtos.View> submit(@PathParam("id") String id) {
        return posts.submit(id(id)).map(PostDtos::view);
    }

    @POST
    @Path("/posts/{id}/approve")
    @RolesAllowed(Roles.CLIENT_ADMIN)
    @Operation(summary = "The client approves the post as submitted")
    public Uni<PostDtos.View> approve(@PathParam("id") String id) {
        return posts.approve(id(id)).map(PostDtos::view);
    }

    @POST
    @Path("/posts/{id}/request-changes")
    @RolesAllowed(Roles.CLIENT_ADMIN)
    @Operation(summary = "The client sends the post back, saying what should change")
    public Uni<PostDtos.View> requestChanges(@PathParam("id") String id, @Valid @NotNull PostDtos.ChangesRequested body) {
        return posts.requestChanges(id(id), body.comment()).map(PostDtos::view);
    }

    @POST
    @Path("/posts/{id}/schedule")
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Schedule an approved post for its planned time (which must lie ahead)")
    public Uni<PostDtos.View> schedule(@PathParam("id") String id) {
        return posts.schedule(id(id)).map(PostDtos::view);
    }

    @POST
    @Path("/posts/{id}/unschedule")
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Take a scheduled post off the schedule (it stays approved)")
    public Uni<PostDtos.View> unschedule(@PathParam("id") String id) {
        return posts.unschedule(id(id)).map(PostDtos::view);
    }

    @POST
    @Path("/posts/{id}/cancel")
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Cancel a post not yet handed to the publisher")
    public Uni<PostDtos.View> cancel(@PathParam("id") String id, PostDtos.Cancellation body) {
        return posts.cancel(id(id), body == null ? null : body.reason()).map(PostDtos::view);
    }

    @GET
    @Path("/calendar")
    @RolesAllowed({Roles.COMMUNITY_MANAGER, Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN, Roles.AUDITOR})
    @Operation(summary = "Posts by day over a day, an ISO week or a month: of one community (in its time zone), or of the "
            + "caller's company (in timeZone, UTC by default)")
    public Uni<PostDtos.Calendar> calendar(@QueryParam("view") String view, @QueryParam("date") String date,
                                           @QueryParam("communityId") String communityId,
                                           @QueryParam("tenant") String tenant, @QueryParam("timeZone") String timeZone) {
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now(java.time.ZoneOffset.UTC) : LocalDate.parse(date.strip());
        } catch (DateTimeException e) {
            throw ProblemException.invalid("query.date", "must be a date (2026-12-24)");
        }
        Optional<UUID> community = Optional.ofNullable(QueryParams.uuid(communityId, "query.communityId"));
        return posts.calendar(view, day, community, tenant, timeZone).map(PostDtos::calendar);
    }

    private static UUID id(String id) {
        UUID uuid = QueryParams.uuid(id, "path.id");
        if (uuid == null) {
            throw ProblemException.invalid("path.id", "must be a UUID");
        }
        return uuid;
    }
}
