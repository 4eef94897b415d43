package app.vigie.moderation.domain;

import app.vigie.contracts.community.Category;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What happened to a case. These events are the record an auditor replays: never edited, never deleted; an old
 * shape is read through an upcaster.
 */
public final class CaseEvents {

    private CaseEvents() {
    }

    public record CaseOpened(UUID caseId, UUID communityId, String tenant, int messageVersion, String language, int risk,
                             Category suggestedCategory, List<String> rulesFired, int policyVersion, boolean hidden,
                             Instant deadline, Instant openedAt) {
    }

    /** The policy approved the message on its own: triage rated it below the policy's threshold (DSA art. 17(3)(c)). */
    public record CaseAutoApproved(UUID caseId, String tenant, UUID communityId, int policyVersion, int risk,
                                   double threshold, Instant decidedAt) {
    }

    /**
     * The policy hid the message at once, on a social network where it would otherwise stay visible until decided:
     * triage rated it above the policy's threshold. A moderator still decides.
     */
    public record CaseAutoHidden(UUID caseId, String tenant, UUID communityId, int policyVersion, int risk,
                                 Instant hiddenAt) {
    }

    /**
     * A new version of the message. When the case was already decided, the decision covered the old text: the
     * case is {@code reopened} for the new one, with a new deadline.
     */
    public record CaseContentEdited(UUID caseId, String tenant, int messageVersion, String language, int risk,
                                    Category suggestedCategory, List<String> rulesFired, boolean hidden,
                                    boolean reopened, Instant deadline, Instant editedAt) {
    }

    public record CaseClaimed(UUID caseId, String tenant, String moderator, Instant leaseUntil, Instant claimedAt) {
    }

    public record CaseReleased(UUID caseId, String tenant, String moderator, Instant releasedAt) {
    }

    public record CaseLeaseExpired(UUID caseId, String tenant, String moderator, Instant expiredAt) {
    }

    public record CaseApproved(UUID caseId, String tenant, UUID communityId, int policyVersion, String moderator,
                               Instant decidedAt) {
    }

    public record CaseRejected(UUID caseId, String tenant, UUID communityId, int policyVersion, String moderator,
                               Category category, Ground ground, String reference, String explanation, Action action,
                               Instant decidedAt) {
    }

    public record CaseEscalated(UUID caseId, String tenant, String moderator, String reason, Instant escalatedAt) {
    }

    public record CaseCommented(UUID caseId, String tenant, String author, String text, Instant commentedAt) {
    }

    public record CaseReplyRequested(UUID caseId, String tenant, UUID communityId, String moderator, String note,
                                     Instant requestedAt) {
    }

    /** @param decisionUnderAppeal {@code APPROVED} or {@code REJECTED}, as decided by {@code decidedBy} */
    public record CaseAppealed(UUID caseId, String tenant, String appellant, String reason, String decisionUnderAppeal,
                               String decidedBy, Instant appealedAt) {
    }

    /**
     * The result of an appeal. {@code decision} is the decision in force afterwards; when the appeal reversed an
     * approval, the rejection's details are given.
     */
    public record AppealDecided(UUID caseId, String tenant, UUID communityId, int policyVersion, String moderator,
                                AppealOutcome outcome, String decision, String explanation, Category category,
                                Ground ground, String reference, Action action, Instant decidedAt) {
    }
}
