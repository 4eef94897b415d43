package app.vigie.moderation.domain;

import app.vigie.contracts.community.Category;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What can be asked of a {@link ModerationCase}. The case id is the message id: one case per message. */
public final class CaseCommands {

    private CaseCommands() {
    }

    /**
     * Opens the case of a message that arrived, with its triage and its decision deadline. {@code autoApproveBelow}
     * (risk 0..1, null: never) and the moderation mode come from the community's policy: they decide what the case
     * does on its own.
     */
    public record OpenCase(@TargetAggregateIdentifier UUID caseId, UUID communityId, String tenant, int messageVersion,
                           String language, int risk, Category suggestedCategory, List<String> rulesFired,
                           int policyVersion, boolean hidden, Instant deadline, Instant openedAt,
                           app.vigie.contracts.community.ModerationMode moderationMode, Double autoApproveBelow) {
    }

    /** The author edited the message on the platform: intake stored a new version with a new triage. */
    public record RecordEdit(@TargetAggregateIdentifier UUID caseId, int messageVersion, String language, int risk,
                             Category suggestedCategory, List<String> rulesFired, boolean hidden, Instant deadline,
                             Instant now) {
    }

    /** A moderator takes the case for {@code leaseUntil}; claiming again one's own case renews the lease. */
    public record ClaimCase(@TargetAggregateIdentifier UUID caseId, String moderator, boolean senior, Instant leaseUntil,
                            Instant now) {
    }

    public record ReleaseCase(@TargetAggregateIdentifier UUID caseId, String moderator, Instant now) {
    }

    /** Sent by the lease sweeper: puts a case whose lease ran out back in the queue. */
    public record ExpireLease(@TargetAggregateIdentifier UUID caseId, Instant now) {
    }

    public record ApproveCase(@TargetAggregateIdentifier UUID caseId, String moderator, boolean senior, Instant now) {
    }

    public record RejectCase(@TargetAggregateIdentifier UUID caseId, String moderator, boolean senior, Category category,
                             Ground ground, String reference, String explanation, Action action, Instant now) {
    }

    public record EscalateCase(@TargetAggregateIdentifier UUID caseId, String moderator, String reason, Instant now) {
    }

    public record CommentOnCase(@TargetAggregateIdentifier UUID caseId, String author, String text, Instant now) {
    }

    /** Asks community management for a public reply (a complaint that deserves an argued answer). */
    public record RequestReply(@TargetAggregateIdentifier UUID caseId, String moderator, String note, Instant now) {
    }

    /**
     * Contests a decision (DSA art. 20): by the author through the client's system, or by the client itself,
     * within the appeal window after the decision.
     */
    public record AppealCase(@TargetAggregateIdentifier UUID caseId, String appellant, String reason,
                             java.time.Duration window, Instant now) {
    }

    /**
     * Decides an appeal: {@code UPHOLD} keeps the decision, {@code REVERSE} turns it around. Reversing an approval
     * is a rejection, so it carries the rejection's details.
     */
    public record DecideAppeal(@TargetAggregateIdentifier UUID caseId, String moderator, boolean senior,
                               AppealOutcome outcome, String explanation, Rejection rejection, Instant now) {
    }

    /** The details of a rejection, when an appeal turns an approval into one. */
    public record Rejection(Category category, Ground ground, String reference, String explanation, Action action) {
    }
}
