package app.vigie.contracts.opinion;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code alert.raised} (version 1): opinion watch saw what may be an e-reputation crisis (a spike of
 * mentions, of negative ones) for a watch of a client. Raised again under the same {@code alertId} when its
 * severity rises. Scheduling turns it into a reply task for {@code communityId}, the community where the client
 * answers (none: the alert is for the client's people, not for a public reply). Schema:
 * {@code schemas/alert-raised.v1.json}.
 *
 * @param severity {@code WARNING} or {@code CRISIS}
 * @param language the language most of the mentions are in
 */
public record AlertRaised(UUID alertId, UUID watchId, String tenant, UUID communityId, String severity,
                          String summary, String language, Instant raisedAt) {

    public static final int VERSION = 1;
}
