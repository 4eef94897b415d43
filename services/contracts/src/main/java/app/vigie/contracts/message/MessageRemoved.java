package app.vigie.contracts.message;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code message.removed} (version 1): the author or the platform removed the message; a pending case
 * about it can be closed without a decision.
 */
public record MessageRemoved(UUID messageId, UUID communityId, String tenant, String externalId, Instant removedAt) {

    public static final int VERSION = 1;
}
