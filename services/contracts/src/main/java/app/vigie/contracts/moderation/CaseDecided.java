package app.vigie.contracts.moderation;

import app.vigie.contracts.community.Category;
import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code case.decided} (version 1), published by moderation-decisions when a moderator approves or
 * rejects a message (and again when an appeal reverses a decision). Intake turns it into the client's enforcement
 * callback. Schema: {@code schemas/case-decided.v1.json}.
 *
 * @param decision             {@code APPROVED} or {@code REJECTED}
 * @param category             the taxonomy category of a rejection, null for an approval
 * @param ground               {@code ILLEGAL_CONTENT} or {@code INCOMPATIBLE_WITH_TERMS} for a rejection (DSA art. 17(3)(d)-(e))
 * @param statementOfReasonsId the DSA statement of reasons that explains the decision to the author
 * @param action               for a rejection, what is done: {@code REMOVED}, {@code HIDDEN}, {@code AUTHOR_WARNED},
 *                             {@code AUTHOR_BANNED} (added in v1 without breaking: absent in older events)
 * @param automated            whether the decision was taken by a rule of the policy rather than a person (DSA art. 17(3)(c))
 */
public record CaseDecided(
        UUID caseId,
        UUID messageId,
        UUID communityId,
        String tenant,
        String decision,
        Category category,
        String ground,
        String explanation,
        String statementOfReasonsId,
        int policyVersion,
        String decidedBy,
        Instant decidedAt,
        String action,
        boolean automated) {

    public static final int VERSION = 1;
}
