package app.vigie.contracts.moderation;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code case.needs-reply} (version 1): a moderator asks community management for a public, argued
 * reply to a message (a complaint, a criticism). Scheduling turns it into a reply task with a deadline.
 *
 * @param language the message's language as triage found it (null when unknown): who answers must read it
 */
public record CaseNeedsReply(UUID caseId, UUID messageId, UUID communityId, String tenant, String requestedBy,
                             String note, Instant requestedAt, String language) {

    public static final int VERSION = 1;
}
