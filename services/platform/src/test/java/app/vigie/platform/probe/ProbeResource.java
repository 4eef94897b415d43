package app.vigie.platform.probe;

import app.vigie.contracts.problem.ProblemKind;
import app.vigie.platform.outbox.Outbox;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.problem.RateLimitedException;
import app.vigie.platform.request.RequestIds;
import app.vigie.platform.security.Caller;
import app.vigie.platform.security.Roles;
import app.vigie.platform.security.VerifiedTokens;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Endpoints that exercise every platform piece, used only by the platform's own tests. */
@Path("/probe")
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    Caller caller;
    @Inject
    SecurityIdentity identity;
    @Inject
    Outbox outbox;

    public record NoteRequest(
            @NotBlank @Size(max = 20) String body,
            @NotNull @Size(min = 1) List<@Pattern(regexp = "[a-z]{2}", message = "must be an ISO 639-1 code") String> languages,
            @Valid Author author,
            @Min(1) Integer slaMinutes) {
    }

    public record Author(@NotBlank String name) {
    }

    public record CallerView(String subject, String name, Set<String> roles, Optional<String> tenant, boolean platformStaff) {
    }

    @POST
    @Path("/validated")
    @PermitAll
    public Map<String, Object> validated(@Valid @NotNull NoteRequest request,
                                         @QueryParam("limit") @Min(1) @Max(500) Integer limit) {
        return Map.of("ok", true);
    }

    @GET
    @Path("/fail/{kind}")
    @PermitAll
    public String fail(@PathParam("kind") String kind) {
        throw switch (kind) {
            case "conflict" -> ProblemException.conflict("body.externalId", "already registered on this platform");
            case "stale" -> ProblemException.staleVersion("\"3\"");
            case "version-required" -> ProblemException.versionRequired();
            case "too-large" -> ProblemException.tooLarge("at most 1000 messages per batch");
            case "rate-limited" -> new RateLimitedException("slow down", Duration.ofMillis(2500));
            case "not-found" -> ProblemException.notFound("community 42");
            case "bug" -> new IllegalStateException("secret internal detail");
            default -> new ProblemException(ProblemKind.BAD_REQUEST, "unknown kind " + kind);
        };
    }

    @GET
    @Path("/caller")
    @RolesAllowed({Roles.MODERATOR, Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN, Roles.AUDITOR, Roles.INTEGRATION, Roles.SERVICE})
    public CallerView whoAmI() {
        return new CallerView(caller.subject(), caller.name(), caller.roles(), caller.tenant(), caller.isPlatformStaff());
    }

    /** The {@code X-Probe} header of the request, read through the identity as OIDC code does. */
    @GET
    @Path("/identity-request")
    @RolesAllowed({Roles.MODERATOR, Roles.CLIENT_ADMIN})
    public Map<String, String> identityRequest() {
        RoutingContext request = HttpSecurityUtils.getRoutingContextAttribute(identity);
        return Map.of("probe", request == null ? "none" : String.valueOf(request.request().getHeader("X-Probe")),
                "remembered", String.valueOf(Boolean.TRUE.equals(identity.getAttribute(VerifiedTokens.REMEMBERED))));
    }

    @GET
    @Path("/admin-only")
    @RolesAllowed(Roles.PLATFORM_ADMIN)
    public String adminOnly() {
        return "ok";
    }

    /** A resource owned by {@code tenant}: visible to that tenant and to platform staff, 404 to others. */
    @GET
    @Path("/tenants/{tenant}/notes/{id}")
    @RolesAllowed({Roles.MODERATOR, Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN, Roles.AUDITOR})
    public Map<String, String> tenantNote(@PathParam("tenant") String tenant, @PathParam("id") String id) {
        caller.requireVisible(tenant, "note " + id);
        return Map.of("tenant", tenant, "id", id);
    }

    /** Stores a note and its event in one transaction; {@code fail=true} fails after both were written. */
    @POST
    @Path("/notes")
    @RolesAllowed({Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN})
    public Uni<Map<String, Object>> createNote(@Valid @NotNull NoteRequest request, @QueryParam("fail") boolean fail) {
        String tenant = caller.tenantForWrite(caller.tenant().orElse("radio-horizon"));
        UUID id = UUID.randomUUID();
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.createNativeQuery("insert into probe_note (id, tenant, body) values (:id, :tenant, :body)")
                        .setParameter("id", id).setParameter("tenant", tenant).setParameter("body", request.body())
                        .executeUpdate())
                .chain(() -> outbox.append("probe.note-created", 1, tenant, Map.of("noteId", id, "body", request.body())))
                .invoke(() -> {
                    if (fail) {
                        throw new IllegalStateException("failure after the writes");
                    }
                })
                .map(event -> Map.<String, Object>of("id", id, "eventId", event.id())));
    }

    @GET
    @Path("/request-id")
    @PermitAll
    public Map<String, String> requestId() {
        return Map.of("requestId", String.valueOf(RequestIds.current()));
    }

    /** Calls {@link #echoHeader} over HTTP with a REST client, to show the request id travelling on. */
    @GET
    @Path("/relay")
    @PermitAll
    public Uni<Map<String, String>> relay(@Context HttpServerRequest request) {
        URI self = URI.create("http://127.0.0.1:" + request.localAddress().port());
        return QuarkusRestClientBuilder.newBuilder().baseUri(self).build(EchoClient.class).echo();
    }

    @GET
    @Path("/echo-header")
    @PermitAll
    public Map<String, String> echoHeader(@HeaderParam(RequestIds.HEADER) String received) {
        return Map.of("received", String.valueOf(received));
    }
}
