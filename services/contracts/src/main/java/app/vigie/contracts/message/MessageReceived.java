package app.vigie.contracts.message;

import app.vigie.contracts.community.Category;
import app.vigie.contracts.community.ModerationMode;
import app.vigie.contracts.community.Platform;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Payload of {@code message.received} (version 1): one version of a message as intake stored it, with its
 * triage. Version 1 is a new message; a higher version is an edit on the platform (re-triaged), which replaces
 * the content a moderator sees. Schema: {@code schemas/message-received.v1.json}.
 */
public record MessageReceived(
        UUID messageId,
        int version,
        UUID communityId,
        String tenant,
        Platform platform,
        ModerationMode moderationMode,
        int policyVersion,
        String externalId,
        String threadId,
        String parentId,
        Author author,
        String text,
        List<Media> media,
        String permalink,
        Instant postedAt,
        Instant receivedAt,
        Triage triage,
        boolean hidden) {

    public static final int VERSION = 1;

    public record Author(String id, String name) {
    }

    /** A picture or video the message carries; Vigie keeps the reference, not the file. */
    public record Media(String type, String url, String sha256, Long size) {
    }

    /** Why triage ranked the message as it did; the spans point into {@code text}. */
    public record Triage(String language, int risk, Category suggestedCategory, List<Rule> rules, String fingerprint) {
    }

    public record Rule(String rule, Category category, int weight, int start, int end, String matched) {
    }
}
