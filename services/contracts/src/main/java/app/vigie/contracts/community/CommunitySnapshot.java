package app.vigie.contracts.community;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Payload of {@code community.registered}, {@code community.updated} and {@code community.archived} (version 1):
 * the whole community as it is after the change, so that a consumer keeps its copy by replacing it. A consumer
 * ignores a snapshot whose {@code revision} is not newer than the one it holds (events may arrive twice or out
 * of order). Schema: {@code schemas/community-snapshot.v1.json}.
 */
public record CommunitySnapshot(
        UUID communityId,
        long revision,
        String tenant,
        String tenantLegalName,
        String name,
        Platform platform,
        String externalId,
        List<String> languages,
        String timeZone,
        ModerationMode moderationMode,
        int decisionSlaMinutes,
        int replySlaMinutes,
        Coverage coverage,
        String callbackUrl,
        String callbackSecretRef,
        String webhookVerifyTokenRef,
        String status,
        Policy policy,
        List<AssignedStaff> staff,
        Instant changedAt) {

    public static final int VERSION = 1;

    /**
     * When the community promises answers: {@code ALWAYS} (24/7), or {@code OPENING_HOURS} with time ranges per
     * weekday ({@code MONDAY} … {@code SUNDAY}, {@code HH:mm} in the community's time zone).
     */
    public record Coverage(String mode, Map<String, List<TimeRange>> hours) {
    }

    public record TimeRange(String from, String to) {
    }

    /**
     * The policy version in force. {@code autoApproveBelow} (risk 0..1, null: never) lets moderation approve at
     * once, as an automated decision, what triage rates below it; above {@code autoHideThreshold} a message is
     * hidden at once until a moderator decides.
     */
    public record Policy(
            int version,
            Set<Category> forbiddenCategories,
            Map<String, List<String>> blockedTerms,
            Map<String, List<String>> allowedTerms,
            double autoHideThreshold,
            Set<Category> seniorCategories,
            String houseRulesText,
            String houseRulesUrl,
            Double autoApproveBelow) {
    }

    /** A person who works on the community, directly or through a team. */
    public record AssignedStaff(String subject, String displayName, StaffRole role, List<String> languages,
                                UUID viaTeam) {
    }
}
