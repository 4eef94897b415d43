package app.vigie.moderation.api;

import app.vigie.contracts.community.Category;
import app.vigie.moderation.application.Cases;
import app.vigie.moderation.infrastructure.QueueRows;
import app.vigie.platform.paging.PageRequest;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.request.QueryParams;
import app.vigie.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "cases", description = "The moderators' queue, and what they decide")
public class CaseResource {

    @Inject
    Cases cases;
    @Inject
    EventStore events;
    @Inject
    app.vigie.moderation.infrastructure.CaseMessages authors;
    @Inject
    java.time.Clock clock;
    @Inject
    app.vigie.moderation.application.Wellbeing wellbeing;
    @Inject
    app.vigie.platform.security.Caller caller;

    @GET
    @Path("/queue")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN})
    @Operation(summary = "Waiting cases by deadline, then risk: a moderator's own communities and languages; "
            + "a tenant's whole queue for its admins")
    public List<QueueRows.Row> queue(@QueryParam("communityId") String communityId,
                                     @QueryParam("language") String language,
                                     @QueryParam("category") String category,
                                     @QueryParam("limit") String limit) {
        return cases.queue(filter(communityId, language, category), PageRequest.fromQuery(limit, null, 1).limit());
    }

    @POST
    @Path("/queue/claim-next")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR})
    @Operation(summary = "Claim the best case you may take (200 with it, 204 when none waits). Past your team's cap "
            + "of distressing content this shift, you get none of it and the header Vigie-Break-Due says so.")
    public RestResponse<QueueRows.Row> claimNext(@QueryParam("communityId") String communityId,
                                                 @QueryParam("language") String language,
                                                 @QueryParam("category") String category) {
        boolean breakDue = wellbeing.of(caller.subject()).breakDue();
        RestResponse.ResponseBuilder<QueueRows.Row> response = cases.claimNext(filter(communityId, language, category), breakDue)
                .map(row -> RestResponse.ResponseBuilder.ok(row))
                .orElseGet(() -> RestResponse.ResponseBuilder.<QueueRows.Row>noContent());
        return response.header("Vigie-Break-Due", String.valueOf(breakDue)).build();
    }

    @GET
    @Path("/sla")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.COMMUNITY_MANAGER, Roles.CLIENT_ADMIN,
            Roles.PLATFORM_ADMIN})
    @Operation(summary = "Cases near or past their decision deadline, per community, most overdue first "
            + "(dueWithinMinutes: what counts as near, default 15)")
    public List<QueueRows.Sla> sla(@QueryParam("dueWithinMinutes") String dueWithinMinutes) {
        int minutes = 15;
        if (dueWithinMinutes != null) {
            try {
                minutes = Integer.parseInt(dueWithinMinutes.strip());
            } catch (NumberFormatException e) {
                minutes = -1;
            }
            if (minutes < 1 || minutes > 24 * 60) {
                throw ProblemException.invalid("query.dueWithinMinutes", "must be a whole number of minutes, 1 to 1440");
            }
        }
        return cases.sla(java.time.Duration.ofMinutes(minutes));
    }

    @GET
    @Path("/cases/{id}")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN, Roles.AUDITOR})
    @Operation(summary = "A case: its place in the queue and its whole history, event by event")
    public CaseDtos.View get(@PathParam("id") UUID id) {
        QueueRows.Row row = cases.visible(id);
        List<CaseDtos.HistoryEntry> history = events.readEvents(id.toString()).asStream()
                .map(e -> new CaseDtos.HistoryEntry(e.getSequenceNumber(), e.getPayloadType().getSimpleName(),
                        e.getTimestamp(), e.getPayload()))
                .toList();
        return new CaseDtos.View(row, authors.contentOf(id), authors.of(id, clock.instant()).orElse(null), history);
    }

    @POST
    @Path("/cases/{id}/claim")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR})
    @Operation(summary = "Claim a case (or renew your claim) for the lease period")
    public QueueRows.Row claim(@PathParam("id") UUID id) {
        return cases.claim(id);
    }

    @POST
    @Path("/cases/{id}/release")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR})
    @Operation(summary = "Give a claimed case back to the queue")
    public RestResponse<Void> release(@PathParam("id") UUID id) {
        cases.release(id);
        return RestResponse.noContent();
    }

    @POST
    @Path("/cases/{id}/approve")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR})
    @Operation(summary = "Approve the message (you must hold the claim)")
    public RestResponse<Void> approve(@PathParam("id") UUID id) {
        cases.approve(id);
        return RestResponse.noContent();
    }

    @POST
    @Path("/cases/{id}/reject")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR})
    @Operation(summary = "Reject the message with category, ground, explanation and action (you must hold the claim)")
    public RestResponse<Void> reject(@PathParam("id") UUID id, @Valid @NotNull CaseDtos.Rejection rejection) {
        printable("body.reference", rejection.reference());
        printable("body.explanation", rejection.explanation());
        cases.reject(id, rejection.category(), rejection.ground(), rejection.reference(), rejection.explanation(),
                rejection.action());
        return RestResponse.noContent();
    }

    @POST
    @Path("/cases/{id}/escalate")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR})
    @Operation(summary = "Hand the case to the senior moderators, with the reason")
    public RestResponse<Void> escalate(@PathParam("id") UUID id, @Valid @NotNull CaseDtos.Escalation escalation) {
        printable("body.reason", escalation.reason());
        cases.escalate(id, escalation.reason());
        return RestResponse.noContent();
    }

    @POST
    @Path("/cases/{id}/comments")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Add an internal note to the case")
    public RestResponse<Void> comment(@PathParam("id") UUID id, @Valid @NotNull CaseDtos.Comment comment) {
        printable("body.text", comment.text());
        cases.comment(id, comment.text());
        return RestResponse.status(RestResponse.Status.CREATED);
    }

    @POST
    @Path("/cases/{id}/reply-request")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR})
    @Operation(summary = "Ask community management for a public reply (publishes case.needs-reply)")
    public RestResponse<Void> requestReply(@PathParam("id") UUID id, @Valid @NotNull CaseDtos.ReplyRequest request) {
        printable("body.note", request.note());
        cases.requestReply(id, request.note());
        return RestResponse.accepted();
    }

    @POST
    @Path("/cases/{id}/appeal")
    @RolesAllowed({Roles.INTEGRATION, Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN})
    @Operation(summary = "Appeal the decision, for the author (through the client's system) or for the client; "
            + "a moderator other than the one who decided takes it")
    public RestResponse<Void> appeal(@PathParam("id") UUID id, @Valid @NotNull CaseDtos.Appeal appeal) {
        printable("body.reason", appeal.reason());
        cases.appeal(id, appeal.reason());
        return RestResponse.accepted();
    }

    @POST
    @Path("/cases/{id}/appeal-decision")
    @RolesAllowed({Roles.MODERATOR, Roles.SENIOR_MODERATOR})
    @Operation(summary = "Uphold or reverse the decision under appeal (you must hold the claim, and not be the one who decided)")
    public RestResponse<Void> decideAppeal(@PathParam("id") UUID id, @Valid @NotNull CaseDtos.AppealDecision decision) {
        CaseDtos.Rejection r = decision.rejection();
        printable("body.explanation", decision.explanation());
        if (r != null) {
            printable("body.rejection.reference", r.reference());
            printable("body.rejection.explanation", r.explanation());
        }
        cases.decideAppeal(id, decision.outcome(), decision.explanation(), r == null ? null
                : new app.vigie.moderation.domain.CaseCommands.Rejection(r.category(), r.ground(), r.reference(),
                        r.explanation(), r.action()));
        return RestResponse.noContent();
    }

    /**
     * Texts that reach the record must be storable as JSON in PostgreSQL, which refuses U+0000: refused here, with
     * the field, rather than failing later where nobody can answer.
     */
    private static void printable(String field, String value) {
        if (value != null && value.indexOf(0) >= 0) {
            throw ProblemException.invalid(field, "must not contain the NUL character (U+0000)");
        }
    }

    private static QueueRows.Filter filter(String communityId, String language, String category) {
        if (category != null) {
            try {
                Category.valueOf(category);
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("query.category", "not a category of the taxonomy");
            }
        }
        return new QueueRows.Filter(QueryParams.uuid(communityId, "query.communityId"), language, category);
    }
}
