package app.vigie.intake.api;

import app.vigie.contracts.problem.ProblemKind;
import app.vigie.intake.application.Ingestion;
import app.vigie.intake.application.MessageQueries;
import app.vigie.platform.paging.Page;
import app.vigie.platform.paging.PageRequest;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/messages")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "messages", description = "Messages in, and what intake knows about them")
public class MessageResource {

    @Inject
    Submissions submissions;
    @Inject
    Ingestion ingestion;
    @Inject
    app.vigie.intake.application.SingleSubmissions singles;
    @Inject
    app.vigie.platform.security.Caller caller;
    @Inject
    MessageQueries queries;
    @Inject
    app.vigie.intake.application.Deliveries deliveries;

    @POST
    @RolesAllowed({Roles.INTEGRATION, Roles.PLATFORM_ADMIN, Roles.SERVICE})
    @Operation(summary = "Submit one message (201 when stored, 200 with the existing id when it was already)")
    public Uni<RestResponse<MessageDtos.Ingested>> submit(@NotNull JsonNode body) {
        Submissions.Checked checked = submissions.check(0, "body.", body);
        if (checked.problem() != null) {
            throw checked.problem();
        }
        java.util.Optional<String> scope = caller.tenantScope();
        return singles.submit(checked.submitted(), tenant -> scope.map(tenant::equals).orElse(true)).map(o -> {
            if (o.problem() != null) {
                throw o.problem();
            }
            MessageDtos.Ingested body1 = new MessageDtos.Ingested(o.id(), 1, o.created() ? "created" : "duplicate",
                    o.hidden(), o.risk(), o.suggestedCategory());
            return o.created()
                    ? RestResponse.ResponseBuilder.<MessageDtos.Ingested>created(URI.create("/messages/" + o.id())).entity(body1).build()
                    : RestResponse.ok(body1);
        });
    }

    @POST
    @Path("/batch")
    @RolesAllowed({Roles.INTEGRATION, Roles.PLATFORM_ADMIN, Roles.SERVICE})
    @Operation(summary = "Submit up to 1,000 messages; each gets its own result (created, duplicate or invalid)")
    public Uni<MessageDtos.BatchResult> batch(@NotNull MessageDtos.BatchIn body) {
        if (body.messages() == null) {
            throw ProblemException.invalid("body.messages", "must be an array of messages");
        }
        if (body.messages().size() > MessageDtos.MAX_BATCH) {
            throw ProblemException.tooLarge("at most " + MessageDtos.MAX_BATCH + " messages per batch, got "
                    + body.messages().size());
        }
        List<MessageDtos.ItemResult> refused = new ArrayList<>();
        List<Ingestion.Submitted> accepted = new ArrayList<>();
        for (int i = 0; i < body.messages().size(); i++) {
            Submissions.Checked checked = submissions.check(i, "body.messages[" + i + "].", body.messages().get(i));
            if (checked.problem() != null) {
                refused.add(new MessageDtos.ItemResult(i, "invalid", null, null, Submissions.problemOf(checked.problem())));
            } else {
                accepted.add(checked.submitted());
            }
        }
        return results(refused, accepted.isEmpty() ? Uni.createFrom().item(List.of()) : ingestion.ingest(accepted));
    }

    /** Merges refused items and ingestion outcomes into one result per item, in request order. */
    static Uni<MessageDtos.BatchResult> results(List<MessageDtos.ItemResult> refused, Uni<List<Ingestion.Outcome>> stored) {
        return stored.map(outcomes -> {
            List<MessageDtos.ItemResult> results = new ArrayList<>(refused);
            for (Ingestion.Outcome o : outcomes) {
                results.add(o.problem() != null
                        ? new MessageDtos.ItemResult(o.index(), "invalid", null, null, Submissions.problemOf(o.problem()))
                        : new MessageDtos.ItemResult(o.index(), o.created() ? "created" : "duplicate", o.id(), o.hidden(), null));
            }
            results.sort(java.util.Comparator.comparingInt(MessageDtos.ItemResult::index));
            int created = (int) results.stream().filter(r -> r.status().equals("created")).count();
            int duplicates = (int) results.stream().filter(r -> r.status().equals("duplicate")).count();
            return new MessageDtos.BatchResult(created, duplicates, results.size() - created - duplicates, results);
        });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SERVICE, Roles.CLIENT_ADMIN, Roles.AUDITOR, Roles.ANALYST, Roles.INTEGRATION,
            Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "A message with all its versions, their triage, and its decision state")
    public Uni<MessageDtos.View> get(@PathParam("id") UUID id) {
        return queries.get(id);
    }

    // Here rather than in DeliveryResource: JAX-RS matches /messages/... against this class only.
    @GET
    @Path("/{id}/deliveries")
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SERVICE, Roles.CLIENT_ADMIN, Roles.AUDITOR, Roles.INTEGRATION})
    @Operation(summary = "Each enforcement callback about a message, with its delivery state")
    public Uni<List<app.vigie.intake.application.Deliveries.Delivery>> deliveries(@PathParam("id") UUID id) {
        return deliveries.ofMessage(id);
    }

    @GET
    @RolesAllowed({Roles.PLATFORM_ADMIN, Roles.SERVICE, Roles.CLIENT_ADMIN, Roles.AUDITOR, Roles.ANALYST, Roles.INTEGRATION,
            Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.COMMUNITY_MANAGER})
    @Operation(summary = "Search messages, newest first: by community, status, decision, author, time range")
    public Uni<Page<MessageDtos.Summary>> search(@QueryParam("communityId") String communityId,
                                                 @QueryParam("status") String status,
                                                 @QueryParam("decision") String decision,
                                                 @QueryParam("authorId") String authorId,
                                                 @QueryParam("from") String from,
                                                 @QueryParam("to") String to,
                                                 @QueryParam("limit") String limit,
                                                 @QueryParam("cursor") String cursor) {
        return queries.search(new MessageQueries.Filter(app.vigie.platform.request.QueryParams.uuid(communityId, "query.communityId"), oneOf(status, "query.status", "RECEIVED", "REMOVED"),
                oneOf(decision, "query.decision", "PENDING", "APPROVED", "REJECTED"), authorId,
                MessageQueries.instant(from, "query.from"), MessageQueries.instant(to, "query.to")),
                PageRequest.fromQuery(limit, cursor, 1));
    }

    private static String oneOf(String value, String field, String... allowed) {
        if (value == null) {
            return null;
        }
        for (String a : allowed) {
            if (a.equals(value)) {
                return value;
            }
        }
        throw new ProblemException(ProblemKind.VALIDATION, field + ": must be one of " + String.join(", ", allowed),
                List.of(new app.vigie.contracts.problem.Problem.FieldViolation(field, "must be one of " + String.join(", ", allowed))));
    }
}
