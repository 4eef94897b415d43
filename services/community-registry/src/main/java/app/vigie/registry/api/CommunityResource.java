package app.vigie.registry.api;

import app.vigie.contracts.community.Platform;
import app.vigie.platform.paging.Page;
import app.vigie.platform.paging.PageRequest;
import app.vigie.platform.security.Roles;
import app.vigie.registry.application.Assignments;
import app.vigie.registry.application.Communities;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/communities")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "communities", description = "Communities, their versioned policies and who works on them")
public class CommunityResource {

    @Inject
    Communities communities;
    @Inject
    Assignments assignments;

    @POST
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    @Operation(summary = "Register a community (publishes community.registered)")
    public Uni<RestResponse<CommunityDtos.View>> register(@Valid @NotNull CommunityDtos.Request request) {
        return communities.register(request).map(c -> RestResponse.ResponseBuilder
                .<CommunityDtos.View>created(URI.create("/communities/" + c.id)).entity(Views.of(c))
                .header("ETag", app.vigie.platform.http.ETags.of(c.version)).build());
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SERVICE, Roles.CLIENT_ADMIN, Roles.AUDITOR, Roles.ANALYST, Roles.INTEGRATION,
            Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Communities the caller may see, filtered and cursor-paged (by creation)")
    public Uni<Page<CommunityDtos.View>> list(
            @QueryParam("tenant") String tenant,
            @QueryParam("platform") @Parameter(description = "FACEBOOK_PAGE, INSTAGRAM_ACCOUNT, …") String platform,
            @QueryParam("language") @Parameter(description = "ISO 639-1 code the community uses") String language,
            @QueryParam("status") @Parameter(description = "ACTIVE or ARCHIVED") String status,
            @QueryParam("q") @Parameter(description = "Text found in the name or the external id") String text,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.fromQuery(limit, cursor, 1);
        return communities.list(new Communities.Filter(tenant, platformOf(platform, "query.platform"), language, status, text), page)
                .map(p -> p.map(Views::of));
    }

    @GET
    @Path("/assigned-to-me")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.COMMUNITY_MANAGER, Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    @Operation(summary = "Active communities the signed-in staff member works on, directly or through a team")
    public Uni<Page<CommunityDtos.View>> assignedToMe(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return communities.assignedToCaller(PageRequest.fromQuery(limit, cursor, 1)).map(p -> p.map(Views::of));
    }

    @POST
    @Path("/republish")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SERVICE})
    @Operation(summary = "Publish every community's snapshot again, so that a new or reset consumer rebuilds its copy")
    public Uni<java.util.Map<String, Integer>> republish() {
        return communities.resync().map(count -> java.util.Map.of("published", count));
    }

    @GET
    @Path("/lookup")
    @RolesAllowed({Roles.SERVICE, Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN, Roles.INTEGRATION})
    @Operation(summary = "Find a community by its platform and the platform's id (used by intake)")
    public Uni<RestResponse<CommunityDtos.View>> lookup(@QueryParam("platform") @NotBlank String platform,
                                                      @QueryParam("externalId") @NotBlank String externalId) {
        return communities.lookup(platformOf(platform, "query.platform"), externalId).map(c -> TenantResource.ok(Views.of(c), c.version));
    }

    // A query parameter that does not convert is a 404 by the JAX-RS rules; a client deserves a 400 naming it.
    private static Platform platformOf(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Platform.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw app.vigie.platform.problem.ProblemException.invalid(field,
                    "one of " + java.util.Arrays.toString(Platform.values()));
        }
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SERVICE, Roles.CLIENT_ADMIN, Roles.AUDITOR, Roles.ANALYST, Roles.INTEGRATION,
            Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.COMMUNITY_MANAGER})
    public Uni<RestResponse<CommunityDtos.View>> get(@PathParam("id") UUID id) {
        return communities.get(id).map(c -> TenantResource.ok(Views.of(c), c.version));
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    @Operation(summary = "Change a community's settings (If-Match required; publishes community.updated)")
    public Uni<RestResponse<CommunityDtos.View>> update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
                                                      @Valid @NotNull CommunityDtos.Request request) {
        return communities.update(id, ifMatch, request).map(c -> TenantResource.ok(Views.of(c), c.version));
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    @Operation(summary = "Archive a community instead of deleting it (If-Match required; publishes community.archived)")
    public Uni<RestResponse<CommunityDtos.View>> archive(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch) {
        return communities.archive(id, ifMatch).map(c -> TenantResource.ok(Views.of(c), c.version));
    }

    @GET
    @Path("/{id}/policy")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SERVICE, Roles.CLIENT_ADMIN, Roles.AUDITOR, Roles.ANALYST, Roles.INTEGRATION,
            Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "The policy in force; its ETag is the policy version")
    public Uni<RestResponse<CommunityDtos.PolicyView>> policy(@PathParam("id") UUID id) {
        return communities.policy(id, null).map(p -> TenantResource.ok(Views.of(p), p.version));
    }

    @PUT
    @Path("/{id}/policy")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    @Operation(summary = "Write a new policy version (If-Match: the current policy version; publishes community.updated)")
    public Uni<RestResponse<CommunityDtos.PolicyView>> changePolicy(@PathParam("id") UUID id,
                                                                  @HeaderParam("If-Match") String ifMatch,
                                                                  @Valid @NotNull CommunityDtos.PolicyRequest request) {
        return communities.changePolicy(id, ifMatch, request).map(p -> TenantResource.ok(Views.of(p), p.version));
    }

    @GET
    @Path("/{id}/policy/versions")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SERVICE, Roles.CLIENT_ADMIN, Roles.AUDITOR, Roles.ANALYST, Roles.INTEGRATION,
            Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Every policy version, newest first")
    public Uni<List<CommunityDtos.PolicyView>> policyVersions(@PathParam("id") UUID id) {
        return communities.policyVersions(id).map(list -> list.stream().map(Views::of).toList());
    }

    @GET
    @Path("/{id}/policy/versions/{version}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SERVICE, Roles.CLIENT_ADMIN, Roles.AUDITOR, Roles.ANALYST, Roles.INTEGRATION,
            Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "One policy version, as cases decided under it saw it")
    public Uni<CommunityDtos.PolicyView> policyVersion(@PathParam("id") UUID id, @PathParam("version") @Min(1) int version) {
        return communities.policy(id, version).map(Views::of);
    }

    @GET
    @Path("/{id}/assignments")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SERVICE, Roles.CLIENT_ADMIN, Roles.AUDITOR, Roles.ANALYST,
            Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Current assignments of people and teams to the community")
    public Uni<List<StaffDtos.AssignmentView>> assignments(@PathParam("id") UUID id) {
        return assignments.current(id).map(list -> list.stream().map(Views::of).toList());
    }

    @POST
    @Path("/{id}/assignments")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    @Operation(summary = "Assign a person or a team in a role (publishes community.updated)")
    public Uni<RestResponse<StaffDtos.AssignmentView>> assign(@PathParam("id") UUID id,
                                                            @Valid @NotNull StaffDtos.AssignmentRequest request) {
        return assignments.assign(id, request).map(a -> RestResponse.ResponseBuilder
                .<StaffDtos.AssignmentView>created(URI.create("/communities/" + id + "/assignments/" + a.id)).entity(Views.of(a)).build());
    }

    @DELETE
    @Path("/{id}/assignments/{assignmentId}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    @Operation(summary = "End an assignment; its record is kept (publishes community.updated)")
    public Uni<RestResponse<Void>> endAssignment(@PathParam("id") UUID id, @PathParam("assignmentId") UUID assignmentId) {
        return assignments.end(id, assignmentId).map(v -> RestResponse.noContent());
    }
}
