package app.vigie.moderation.application;

import app.vigie.contracts.community.Category;
import app.vigie.moderation.domain.Action;
import app.vigie.moderation.domain.CaseCommands;
import app.vigie.moderation.domain.Ground;
import app.vigie.moderation.infrastructure.CommunityCopies;
import app.vigie.moderation.infrastructure.QueueRows;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.security.Caller;
import app.vigie.platform.security.Roles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What moderators do with cases. Who may act is checked here (tenant, assignment to the community, the language
 * they read); what the case allows is checked by the case itself.
 */
@ApplicationScoped
public class Cases {

    @Inject
    CommandGateway commands;
    @Inject
    QueueRows queue;
    @Inject
    CommunityCopies communities;
    @Inject
    Caller caller;
    @Inject
    Wellbeing wellbeing;
    @Inject
    Clock clock;
    @ConfigProperty(name = "vigie.moderation.lease", defaultValue = "PT5M")
    Duration lease;
    @ConfigProperty(name = "vigie.moderation.appeal-window", defaultValue = "P180D")
    Duration appealWindow;

    /** A case the caller may see: another tenant's, or an unknown one, is "no such case". */
    public QueueRows.Row visible(UUID caseId) {
        QueueRows.Row row = queue.find(caseId).orElseThrow(() -> ProblemException.notFound("case " + caseId));
        if (!caller.canSee(row.tenant()) || (isModeratorOnly() && !mayTake(row))) {
            throw ProblemException.notFound("case " + caseId);
        }
        return row;
    }

    public QueueRows.Row claim(UUID caseId) {
        QueueRows.Row row = workable(caseId);
        Instant now = clock.instant();
        send(row, new CaseCommands.ClaimCase(caseId, caller.subject(), senior(row), now.plus(lease), now));
        return row.claimedBy(caller.subject(), now.plus(lease));
    }

    public void release(UUID caseId) {
        send(workable(caseId), new CaseCommands.ReleaseCase(caseId, caller.subject(), clock.instant()));
    }

    public void approve(UUID caseId) {
        QueueRows.Row row = workable(caseId);
        send(row, new CaseCommands.ApproveCase(caseId, caller.subject(), senior(row), clock.instant()));
    }

    public void reject(UUID caseId, Category category, Ground ground, String reference, String explanation,
                       Action action) {
        QueueRows.Row row = workable(caseId);
        send(row, new CaseCommands.RejectCase(caseId, caller.subject(), senior(row), category, ground,
                reference, explanation, action, clock.instant()));
    }

    public void escalate(UUID caseId, String reason) {
        send(workable(caseId), new CaseCommands.EscalateCase(caseId, caller.subject(), reason, clock.instant()));
    }

    public void requestReply(UUID caseId, String note) {
        send(workable(caseId), new CaseCommands.RequestReply(caseId, caller.subject(), note, clock.instant()));
    }

    /** An appeal by the client, or by the author through the client's system (its integration client). */
    public void appeal(UUID caseId, String reason) {
        send(visible(caseId), new CaseCommands.AppealCase(caseId, caller.subject(), reason, appealWindow,
                clock.instant()));
    }

    public void decideAppeal(UUID caseId, app.vigie.moderation.domain.AppealOutcome outcome, String explanation,
                             CaseCommands.Rejection rejection) {
        QueueRows.Row row = workable(caseId);
        if (outcome == app.vigie.moderation.domain.AppealOutcome.REVERSE && rejection == null
                && "APPROVED".equals(row.decision())) {
            throw ProblemException.invalid("body.rejection", "reversing an approval is a rejection: give it");
        }
        send(row, new CaseCommands.DecideAppeal(caseId, caller.subject(), senior(row), outcome, explanation,
                rejection, clock.instant()));
    }

    public void comment(UUID caseId, String text) {
        send(visible(caseId), new CaseCommands.CommentOnCase(caseId, caller.subject(), text, clock.instant()));
    }

    /**
     * Claims the best case the caller may take: earliest deadline, then highest risk; when their break is due,
     * none with distressing content. Each attempt locks its candidate row ({@code for update skip locked}),
     * claims it through the case and marks the row claimed in the same transaction, so two moderators asking at
     * once never get the same case. A candidate the case refuses (the queue lagged behind the events) is skipped.
     */
    public Optional<QueueRows.Row> claimNext(QueueRows.Filter filter, boolean breakDue) {
        List<QueueRows.Allowed> allowed = allowedCommunities();
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> skipped = new ArrayList<>();
        String subject = caller.subject();
        for (int attempt = 0; attempt < 10; attempt++) {
            Attempt result;
            try {
                result = QuarkusTransaction.requiringNew().call(() -> {
                    Instant now = clock.instant();
                    QueueRows.Locked locked = queue.lockNext(allowed, filter, subject, breakDue, now, skipped);
                    if (locked.row().isEmpty()) {
                        // none waiting, or all the best held by other moderators claiming them right now
                        skipped.addAll(locked.candidates());
                        return new Attempt(Optional.empty(), !locked.candidates().isEmpty());
                    }
                    QueueRows.Row row = locked.row().get();
                    skipped.add(row.caseId());
                    boolean senior = allowed.stream().anyMatch(a -> a.communityId().equals(row.communityId()) && a.senior());
                    commands.sendAndWait(new Actor(subject, senior ? Roles.SENIOR_MODERATOR : Roles.MODERATOR)
                            .command(new CaseCommands.ClaimCase(row.caseId(), subject, senior, now.plus(lease), now)));
                    queue.markClaimed(row.caseId(), subject, now.plus(lease));
                    return new Attempt(Optional.of(row.claimedBy(subject, now.plus(lease))), false);
                });
            } catch (app.vigie.moderation.domain.CaseRefused
                     | org.axonframework.modelling.command.ConcurrencyException refused) {
                continue; // the queue lagged behind the case, or someone claimed it directly: next one
            }
            if (result.claimed().isPresent() || !result.tryFurther()) {
                return result.claimed();
            }
        }
        return Optional.empty();
    }

    /** One claim-next attempt: the case claimed, or whether others held the candidates (so look further). */
    private record Attempt(Optional<QueueRows.Row> claimed, boolean tryFurther) {
    }

    public List<QueueRows.Row> queue(QueueRows.Filter filter, int limit) {
        if (isModeratorOnly()) {
            return queue.open(allowedCommunities(), filter, clock.instant(), limit);
        }
        return queue.openInTenant(caller.tenantScope(), filter, limit);
    }

    /** Deadlines per community: a moderator's own communities, a tenant's for its admins, all for platform staff. */
    public List<QueueRows.Sla> sla(Duration soon) {
        List<UUID> communities = caller.hasAnyRole(Roles.CLIENT_ADMIN, Roles.PLATFORM_ADMIN) ? null
                : allowedCommunities().stream().map(QueueRows.Allowed::communityId).toList();
        return queue.sla(caller.tenantScope(), communities, clock.instant(), soon);
    }

    /**
     * The row of a case the caller may work on: visible, and in a community they are assigned to. (For a moderator
     * who is nothing more, {@link #visible} has checked the assignment already, as a 404.)
     */
    private QueueRows.Row workable(UUID caseId) {
        QueueRows.Row row = visible(caseId);
        if (!isModeratorOnly() && !mayTake(row)) {
            throw ProblemException.forbidden("you are not assigned to this community in the case's language");
        }
        return row;
    }

    /** Assignments as they stand now (a change in the registry applies as soon as its event is consumed). */
    private boolean mayTake(QueueRows.Row row) {
        return communities.current(row.communityId())
                .filter(c -> caller.canSee(c.tenant()) && "ACTIVE".equals(c.status()))
                .map(c -> c.takes(caller.subject(), row.language()))
                .orElse(false);
    }

    private List<QueueRows.Allowed> allowedCommunities() {
        return communities.assignedTo(caller.subject()).stream()
                .filter(c -> caller.canSee(c.tenant()) && "ACTIVE".equals(c.status()))
                .map(c -> new QueueRows.Allowed(c.id(), c.moderators()
                        .filter(s -> s.subject().equals(caller.subject()))
                        .flatMap(s -> s.languages().isEmpty() ? java.util.stream.Stream.of("*") : s.languages().stream())
                        .distinct().toList(),
                        caller.hasRole(Roles.SENIOR_MODERATOR) && c.seniorHere(caller.subject())))
                .toList();
    }

    /**
     * Senior on this case's community: the realm role says the person may be senior, the assignment says where
     * (a senior moderator elsewhere is a moderator here).
     */
    private boolean senior(QueueRows.Row row) {
        return caller.hasRole(Roles.SENIOR_MODERATOR) && communities.current(row.communityId())
                .map(c -> c.seniorHere(caller.subject())).orElse(false);
    }

    /** Sends a command about {@code row}'s case on the caller's behalf, saying in which role they act. */
    private void send(QueueRows.Row row, Object command) {
        commands.sendAndWait(new Actor(caller.subject(), actingRole(row)).command(command));
    }

    /** The role the caller acts in on this case: the most specific of theirs that the case's rules consider. */
    private String actingRole(QueueRows.Row row) {
        if (caller.hasRole(Roles.PLATFORM_ADMIN)) {
            return Roles.PLATFORM_ADMIN;
        }
        if (senior(row)) {
            return Roles.SENIOR_MODERATOR;
        }
        for (String role : List.of(Roles.MODERATOR, Roles.SENIOR_MODERATOR, Roles.CLIENT_ADMIN, Roles.INTEGRATION,
                Roles.AUDITOR)) {
            if (caller.hasRole(role)) {
                return role.equals(Roles.SENIOR_MODERATOR) ? Roles.MODERATOR : role; // senior elsewhere, not here
            }
        }
        return caller.roles().stream().sorted().findFirst().orElse(null);
    }

    /** Moderators who are nothing more see only the communities they work on. */
    private boolean isModeratorOnly() {
        return caller.hasAnyRole(Roles.MODERATOR, Roles.SENIOR_MODERATOR)
                && !caller.hasAnyRole(Roles.PLATFORM_ADMIN, Roles.CLIENT_ADMIN, Roles.AUDITOR);
    }
}
