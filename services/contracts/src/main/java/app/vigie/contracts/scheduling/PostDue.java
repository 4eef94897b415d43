package app.vigie.contracts.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code post.due} (version 1): a post the client approved has reached its planned time and is handed
 * to the publisher of its community. Published once per post (the event id is derived from the post). Schema:
 * {@code schemas/post-due.v1.json}.
 *
 * @param approvedBy the client admin who approved this text
 */
public record PostDue(UUID postId, UUID communityId, String tenant, String text, List<String> media,
                      Instant plannedAt, String approvedBy, Instant approvedAt, Instant dueAt) {

    public static final int VERSION = 1;
}
