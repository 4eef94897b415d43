package app.vigie.moderation.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import app.vigie.moderation.domain.CaseCommands.ApproveCase;
import app.vigie.moderation.domain.CaseCommands.ClaimCase;
import app.vigie.moderation.domain.CaseCommands.CommentOnCase;
import app.vigie.moderation.domain.CaseCommands.EscalateCase;
import app.vigie.moderation.domain.CaseCommands.ExpireLease;
import app.vigie.moderation.domain.CaseCommands.OpenCase;
import app.vigie.moderation.domain.CaseCommands.RejectCase;
import app.vigie.moderation.domain.CaseCommands.ReleaseCase;
import app.vigie.moderation.domain.CaseEvents.CaseApproved;
import app.vigie.moderation.domain.CaseEvents.CaseClaimed;
import app.vigie.moderation.domain.CaseEvents.CaseCommented;
import app.vigie.moderation.domain.CaseEvents.CaseEscalated;
import app.vigie.moderation.domain.CaseEvents.CaseLeaseExpired;
import app.vigie.moderation.domain.CaseEvents.CaseOpened;
import app.vigie.moderation.domain.CaseEvents.CaseRejected;
import app.vigie.moderation.domain.CaseEvents.CaseReleased;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * The moderation of one message. Command handlers check the rules and record what happened; event-sourcing
 * handlers only remember it. Rules: only the moderator holding a live claim decides; an escalated case needs a
 * senior moderator; a decided case is not decided again, except through one appeal, decided by another moderator
 * than the one who took the decision under appeal.
 */
public class ModerationCase {

    /** Who "decided" an automated decision, in the history and in {@code case.decided}. */
    public static final String POLICY = "policy";

    @AggregateIdentifier
    private UUID caseId;
    private String tenant;
    private UUID communityId;
    private int policyVersion;
    private String claimant;
    private Instant leaseUntil;
    private boolean escalated;
    private boolean decided;
    private String decision;
    private String decidedBy;
    private Instant decidedAt;
    private boolean appealOpen;
    private boolean appealed;
    private int messageVersion;

    protected ModerationCase() {
        // for Axon, which rebuilds the case from its events
    }

    @CommandHandler
    public ModerationCase(OpenCase command) {
        apply(new CaseOpened(command.caseId(), command.communityId(), command.tenant(), command.messageVersion(),
                command.language(), command.risk(), command.suggestedCategory(), command.rulesFired(),
                command.policyVersion(), command.hidden(), command.deadline(), command.openedAt()));
        if (command.autoApproveBelow() != null && !command.hidden()
                && command.risk() < command.autoApproveBelow() * 100) {
            apply(new CaseEvents.CaseAutoApproved(command.caseId(), command.tenant(), command.communityId(),
                    command.policyVersion(), command.risk(), command.autoApproveBelow(), command.openedAt()));
        } else if (command.hidden()
                && command.moderationMode() == app.vigie.contracts.community.ModerationMode.A_POSTERIORI) {
            apply(new CaseEvents.CaseAutoHidden(command.caseId(), command.tenant(), command.communityId(),
                    command.policyVersion(), command.risk(), command.openedAt()));
        }
    }

    @CommandHandler
    public void handle(CaseCommands.RecordEdit command) {
        if (command.messageVersion() <= messageVersion) {
            return; // this version, or a later one, is already known: a redelivery
        }
        apply(new CaseEvents.CaseContentEdited(caseId, tenant, command.messageVersion(), command.language(),
                command.risk(), command.suggestedCategory(), command.rulesFired(), command.hidden(), decided,
                command.deadline(), command.now()));
    }

    @CommandHandler
    public void handle(ClaimCase command) {
        if (decided && !appealOpen) {
            throw CaseRefused.conflict("the case is already decided");
        }
        if (appealOpen && command.moderator().equals(decidedBy)) {
            throw CaseRefused.forbidden("an appeal is decided by another moderator than the one who decided");
        }
        if (escalated && !command.senior()) {
            throw CaseRefused.forbidden("the case was escalated: a senior moderator decides it");
        }
        if (heldByAnotherThan(command.moderator(), command.now())) {
            throw CaseRefused.conflict("the case is claimed by another moderator until " + leaseUntil);
        }
        apply(new CaseClaimed(caseId, tenant, command.moderator(), command.leaseUntil(), command.now()));
    }

    @CommandHandler
    public void handle(ReleaseCase command) {
        requireClaimBy(command.moderator(), command.now());
        apply(new CaseReleased(caseId, tenant, command.moderator(), command.now()));
    }

    @CommandHandler
    public void handle(ExpireLease command) {
        if ((decided && !appealOpen) || claimant == null || !command.now().isAfter(leaseUntil)) {
            return; // renewed, released or decided since the sweeper looked: nothing to expire
        }
        apply(new CaseLeaseExpired(caseId, tenant, claimant, command.now()));
    }

    @CommandHandler
    public void handle(ApproveCase command) {
        requireDecidableBy(command.moderator(), command.senior(), command.now());
        apply(new CaseApproved(caseId, tenant, communityId, policyVersion, command.moderator(), command.now()));
    }

    @CommandHandler
    public void handle(RejectCase command) {
        requireDecidableBy(command.moderator(), command.senior(), command.now());
        apply(new CaseRejected(caseId, tenant, communityId, policyVersion, command.moderator(), command.category(),
                command.ground(), command.reference(), command.explanation(), command.action(), command.now()));
    }

    @CommandHandler
    public void handle(EscalateCase command) {
        requireUndecided();
        if (escalated) {
            throw CaseRefused.conflict("the case is already escalated");
        }
        requireClaimBy(command.moderator(), command.now());
        apply(new CaseEscalated(caseId, tenant, command.moderator(), command.reason(), command.now()));
    }

    @CommandHandler
    public void handle(CaseCommands.RequestReply command) {
        apply(new CaseEvents.CaseReplyRequested(caseId, tenant, communityId, command.moderator(), command.note(),
                command.now()));
    }

    @CommandHandler
    public void handle(CaseCommands.AppealCase command) {
        if (!decided) {
            throw CaseRefused.conflict("only a decision can be appealed, and the case is not decided yet");
        }
        if (appealOpen || appealed) {
            throw CaseRefused.conflict("the decision was already appealed");
        }
        if (command.now().isAfter(decidedAt.plus(command.window()))) {
            throw CaseRefused.conflict("the appeal window closed on " + decidedAt.plus(command.window()));
        }
        apply(new CaseEvents.CaseAppealed(caseId, tenant, command.appellant(), command.reason(), decision, decidedBy,
                command.now()));
    }

    @CommandHandler
    public void handle(CaseCommands.DecideAppeal command) {
        if (!appealOpen) {
            throw CaseRefused.conflict("there is no appeal to decide");
        }
        if (command.moderator().equals(decidedBy)) {
            throw CaseRefused.forbidden("an appeal is decided by another moderator than the one who decided");
        }
        requireClaimBy(command.moderator(), command.now());
        String after = command.outcome() == AppealOutcome.UPHOLD ? decision
                : ("APPROVED".equals(decision) ? "REJECTED" : "APPROVED");
        CaseCommands.Rejection rejection = command.rejection();
        if ("REJECTED".equals(after) && command.outcome() == AppealOutcome.REVERSE && rejection == null) {
            throw CaseRefused.conflict("reversing an approval is a rejection: give its category, ground and action");
        }
        boolean newRejection = command.outcome() == AppealOutcome.REVERSE && "REJECTED".equals(after);
        apply(new CaseEvents.AppealDecided(caseId, tenant, communityId, policyVersion, command.moderator(),
                command.outcome(), after, command.explanation(),
                newRejection ? rejection.category() : null, newRejection ? rejection.ground() : null,
                newRejection ? rejection.reference() : null, newRejection ? rejection.action() : null, command.now()));
    }

    @CommandHandler
    public void handle(CommentOnCase command) {
        apply(new CaseCommented(caseId, tenant, command.author(), command.text(), command.now()));
    }

    private void requireUndecided() {
        if (decided) {
            throw CaseRefused.conflict("the case is already decided");
        }
    }

    private void requireClaimBy(String moderator, Instant now) {
        if (claimant == null || !claimant.equals(moderator) || now.isAfter(leaseUntil)) {
            throw CaseRefused.conflict("claim the case first (it is not claimed by you, or your claim has expired)");
        }
    }

    private void requireDecidableBy(String moderator, boolean senior, Instant now) {
        requireUndecided();
        if (escalated && !senior) {
            throw CaseRefused.forbidden("the case was escalated: a senior moderator decides it");
        }
        requireClaimBy(moderator, now);
    }

    private boolean heldByAnotherThan(String moderator, Instant now) {
        return claimant != null && !claimant.equals(moderator) && !now.isAfter(leaseUntil);
    }

    @EventSourcingHandler
    void on(CaseOpened event) {
        caseId = event.caseId();
        messageVersion = event.messageVersion();
        tenant = event.tenant();
        communityId = event.communityId();
        policyVersion = event.policyVersion();
    }

    @EventSourcingHandler
    void on(CaseEvents.CaseContentEdited event) {
        messageVersion = event.messageVersion();
        if (event.reopened()) {
            // a decision on the new text is a new decision: it may be appealed in its turn
            decided = false;
            decision = null;
            decidedBy = null;
            decidedAt = null;
            appealed = false;
            appealOpen = false;
            claimant = null;
            leaseUntil = null;
        }
    }

    @EventSourcingHandler
    void on(CaseClaimed event) {
        claimant = event.moderator();
        leaseUntil = event.leaseUntil();
    }

    @EventSourcingHandler
    void on(CaseReleased event) {
        claimant = null;
        leaseUntil = null;
    }

    @EventSourcingHandler
    void on(CaseLeaseExpired event) {
        claimant = null;
        leaseUntil = null;
    }

    @EventSourcingHandler
    void on(CaseEscalated event) {
        escalated = true;
        claimant = null; // back to the queue, for a senior moderator
        leaseUntil = null;
    }

    @EventSourcingHandler
    void on(CaseApproved event) {
        decided("APPROVED", event.moderator(), event.decidedAt());
    }

    @EventSourcingHandler
    void on(CaseRejected event) {
        decided("REJECTED", event.moderator(), event.decidedAt());
    }

    @EventSourcingHandler
    void on(CaseEvents.CaseAutoApproved event) {
        decided("APPROVED", POLICY, event.decidedAt());
    }

    @EventSourcingHandler
    void on(CaseEvents.CaseAppealed event) {
        appealOpen = true;
    }

    @EventSourcingHandler
    void on(CaseEvents.AppealDecided event) {
        appealOpen = false;
        appealed = true;
        decided(event.decision(), event.moderator(), event.decidedAt());
    }

    private void decided(String what, String by, Instant at) {
        decided = true;
        decision = what;
        decidedBy = by;
        decidedAt = at;
        claimant = null;
        leaseUntil = null;
    }
}
