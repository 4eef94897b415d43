package app.vigie.moderation.audit;

import app.vigie.moderation.domain.CaseEvents;
import app.vigie.moderation.domain.ModerationCase;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A case as it stood at one instant, rebuilt from its events up to then: what an auditor asks for with
 * {@code asOf}. The same events, folded in the same order, always give the same state.
 *
 * @param status         OPEN, CLAIMED, DECIDED (an open appeal or a reopened edit makes it OPEN again)
 * @param decision       APPROVED or REJECTED, the decision in force
 * @param automated      whether the decision in force was taken by the policy
 * @param appeal         NONE, OPEN, UPHELD, REVERSED
 * @param eventsApplied  how many of the case's events happened by {@code asOf}
 */
public record CaseState(UUID caseId, String tenant, UUID communityId, Instant asOf, int eventsApplied,
                        Instant lastEventAt, String status, int messageVersion, String language, int risk,
                        String suggestedCategory, List<String> rulesFired, int policyVersion, boolean hidden,
                        Instant deadline, boolean escalated, String claimant, Instant leaseUntil, String decision,
                        String decidedBy, Instant decidedAt, boolean automated, String category, String ground,
                        String reference, String explanation, String action, String appeal, String appellant,
                        int comments, boolean replyRequested) {

    static CaseState empty(UUID caseId, Instant asOf) {
        return new CaseState(caseId, null, null, asOf, 0, null, null, 0, null, 0, null, List.of(), 0, false, null,
                false, null, null, null, null, null, false, null, null, null, null, null, "NONE", null, 0, false);
    }

    /** The state asked for before the case's first event: it did not exist yet. */
    CaseState notOpenedYet() {
        return withStatus("NOT_OPENED_YET");
    }

    /** This state after {@code event}, which happened at {@code at}. */
    CaseState apply(Object event, Instant at) {
        CaseState s = counted(at);
        return switch (event) {
            case CaseEvents.CaseOpened e -> new CaseState(s.caseId, e.tenant(), e.communityId(), s.asOf, s.eventsApplied,
                    s.lastEventAt, "OPEN", e.messageVersion(), e.language(), e.risk(), name(e.suggestedCategory()),
                    e.rulesFired(), e.policyVersion(), e.hidden(), e.deadline(), false, null, null, null, null, null,
                    false, null, null, null, null, null, "NONE", null, 0, false);
            case CaseEvents.CaseContentEdited e -> s.edited(e);
            case CaseEvents.CaseClaimed e -> s.claimed(e.moderator(), e.leaseUntil());
            case CaseEvents.CaseReleased e -> s.claimed(null, null).withStatus("OPEN");
            case CaseEvents.CaseLeaseExpired e -> s.claimed(null, null).withStatus("OPEN");
            case CaseEvents.CaseEscalated e -> s.escalatedNow();
            case CaseEvents.CaseApproved e -> s.decided("APPROVED", e.moderator(), e.decidedAt(), false, null, null, null,
                    null, null);
            case CaseEvents.CaseRejected e -> s.decided("REJECTED", e.moderator(), e.decidedAt(), false,
                    e.category().name(), e.ground().name(), e.reference(), e.explanation(), e.action().name());
            case CaseEvents.CaseAutoApproved e -> s.decided("APPROVED", ModerationCase.POLICY, e.decidedAt(), true, null,
                    null, null, null, null);
            case CaseEvents.CaseAutoHidden e -> s.hiddenNow();
            case CaseEvents.CaseCommented e -> s.commented();
            case CaseEvents.CaseReplyRequested e -> s.replyAsked();
            case CaseEvents.CaseAppealed e -> s.appealed(e.appellant());
            case CaseEvents.AppealDecided e -> s.appealDecided(e);
            default -> s;
        };
    }

    private CaseState counted(Instant at) {
        return new CaseState(caseId, tenant, communityId, asOf, eventsApplied + 1, at, status, messageVersion, language,
                risk, suggestedCategory, rulesFired, policyVersion, hidden, deadline, escalated, claimant, leaseUntil,
                decision, decidedBy, decidedAt, automated, category, ground, reference, explanation, action, appeal,
                appellant, comments, replyRequested);
    }

    private CaseState withStatus(String newStatus) {
        return new CaseState(caseId, tenant, communityId, asOf, eventsApplied, lastEventAt, newStatus, messageVersion,
                language, risk, suggestedCategory, rulesFired, policyVersion, hidden, deadline, escalated, claimant,
                leaseUntil, decision, decidedBy, decidedAt, automated, category, ground, reference, explanation, action,
                appeal, appellant, comments, replyRequested);
    }

    private CaseState claimed(String moderator, Instant until) {
        String newStatus = "DECIDED".equals(status) ? status : moderator == null ? "OPEN" : "CLAIMED";
        return new CaseState(caseId, tenant, communityId, asOf, eventsApplied, lastEventAt, newStatus, messageVersion,
                language, risk, suggestedCategory, rulesFired, policyVersion, hidden, deadline, escalated, moderator,
                until, decision, decidedBy, decidedAt, automated, category, ground, reference, explanation, action,
                appeal, appellant, comments, replyRequested);
    }

    private CaseState escalatedNow() {
        return new CaseState(caseId, tenant, communityId, asOf, eventsApplied, lastEventAt, "OPEN", messageVersion,
                language, risk, suggestedCategory, rulesFired, policyVersion, hidden, deadline, true, null, null,
                decision, decidedBy, decidedAt, automated, category, ground, reference, explanation, action, appeal,
                appellant, comments, replyRequested);
    }

    private CaseState decided(String newDecision, String by, Instant at, boolean byPolicy, String newCategory,
                              String newGround, String newReference, String newExplanation, String newAction) {
        return new CaseState(caseId, tenant, communityId, asOf, eventsApplied, lastEventAt, "DECIDED", messageVersion,
                language, risk, suggestedCategory, rulesFired, policyVersion,
                hidden || "REJECTED".equals(newDecision), deadline, escalated, null, null, newDecision, by, at,
                byPolicy, newCategory, newGround, newReference, newExplanation, newAction, appeal, appellant, comments,
                replyRequested);
    }

    private CaseState edited(CaseEvents.CaseContentEdited e) {
        boolean reopened = e.reopened();
        return new CaseState(caseId, tenant, communityId, asOf, eventsApplied, lastEventAt,
                reopened ? "OPEN" : status, e.messageVersion(), e.language(), e.risk(), name(e.suggestedCategory()),
                e.rulesFired(), policyVersion, e.hidden(), e.deadline(), escalated, reopened ? null : claimant,
                reopened ? null : leaseUntil, reopened ? null : decision, reopened ? null : decidedBy,
                reopened ? null : decidedAt, !reopened && automated, reopened ? null : category,
                reopened ? null : ground, reopened ? null : reference, reopened ? null : explanation,
                reopened ? null : action, reopened ? "NONE" : appeal, reopened ? null : appellant, comments,
                replyRequested);
    }

    private CaseState hiddenNow() {
        return new CaseState(caseId, tenant, communityId, asOf, eventsApplied, lastEventAt, status, messageVersion,
                language, risk, suggestedCategory, rulesFired, policyVersion, true, deadline, escalated, claimant,
                leaseUntil, decision, decidedBy, decidedAt, automated, category, ground, reference, explanation, action,
                appeal, appellant, comments, replyRequested);
    }

    private CaseState commented() {
        return new CaseState(caseId, tenant, communityId, asOf, eventsApplied, lastEventAt, status, messageVersion,
                language, risk, suggestedCategory, rulesFired, policyVersion, hidden, deadline, escalated, claimant,
                leaseUntil, decision, decidedBy, decidedAt, automated, category, ground, reference, explanation, action,
                appeal, appellant, comments + 1, replyRequested);
    }

    private CaseState replyAsked() {
        return new CaseState(caseId, tenant, communityId, asOf, eventsApplied, lastEventAt, status, messageVersion,
                language, risk, suggestedCategory, rulesFired, policyVersion, hidden, deadline, escalated, claimant,
                leaseUntil, decision, decidedBy, decidedAt, automated, category, ground, reference, explanation, action,
                appeal, appellant, comments, true);
    }

    private CaseState appealed(String by) {
        return new CaseState(caseId, tenant, communityId, asOf, eventsApplied, lastEventAt, "OPEN", messageVersion,
                language, risk, suggestedCategory, rulesFired, policyVersion, hidden, deadline, escalated, null, null,
                decision, decidedBy, decidedAt, automated, category, ground, reference, explanation, action, "OPEN", by,
                comments, replyRequested);
    }

    private CaseState appealDecided(CaseEvents.AppealDecided e) {
        boolean reversed = e.outcome() == app.vigie.moderation.domain.AppealOutcome.REVERSE;
        boolean nowRejected = "REJECTED".equals(e.decision());
        return new CaseState(caseId, tenant, communityId, asOf, eventsApplied, lastEventAt, "DECIDED", messageVersion,
                language, risk, suggestedCategory, rulesFired, policyVersion, nowRejected, deadline, escalated, null,
                null, e.decision(), reversed ? e.moderator() : decidedBy, reversed ? e.decidedAt() : decidedAt,
                !reversed && automated,
                nowRejected ? (e.category() != null ? e.category().name() : category) : null,
                nowRejected ? (e.ground() != null ? e.ground().name() : ground) : null,
                nowRejected ? (e.reference() != null ? e.reference() : reference) : null,
                reversed ? e.explanation() : explanation,
                nowRejected ? (e.action() != null ? e.action().name() : action) : null,
                reversed ? "REVERSED" : "UPHELD", appellant, comments, replyRequested);
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
