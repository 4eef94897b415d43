package app.vigie.contracts.moderation;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code case.escalated} (version 1): a moderator handed a case to the senior moderators, with the
 * reason. Supervisors and the scheduling service watch it.
 */
public record CaseEscalatedEvent(UUID caseId, UUID messageId, String tenant, String escalatedBy, String reason,
                                 Instant escalatedAt) {

    public static final int VERSION = 1;
}
