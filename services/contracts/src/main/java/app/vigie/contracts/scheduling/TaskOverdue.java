package app.vigie.contracts.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code task.overdue} (version 1): a reply owed to a community was not given by its deadline. Published
 * once per task. Schema: {@code schemas/task-overdue.v1.json}.
 *
 * @param source   {@code CASE}, {@code ALERT} or {@code MANUAL}
 * @param assignee the community manager it was assigned to, null when no one on shift could take it
 */
public record TaskOverdue(UUID taskId, UUID communityId, String tenant, String source, String sourceId,
                          String language, Instant requestedAt, Instant deadline, String assignee, Instant overdueAt) {

    public static final int VERSION = 1;
}
