package app.vigie.intake.api;

import app.vigie.contracts.community.Platform;
import app.vigie.contracts.message.MessageReceived;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response shapes of {@code /messages}. */
public final class MessageDtos {

    private MessageDtos() {
    }

    /** Text is limited in bytes, as platforms count it. */
    public static final int MAX_TEXT_BYTES = 64 * 1024;
    public static final int MAX_BATCH = 1_000;

    @Schema(name = "MessageIn", description = "A message as a client system or platform connector sends it. Give the community "
            + "by id, or by platform and the platform's page id.")
    public record In(
            UUID communityId,
            Platform platform,
            @Size(max = 200) @Schema(description = "The platform's id of the page, site or forum", examples = "104839205731")
            String pageId,
            @NotBlank @Size(max = 300) @Schema(description = "The platform's id of the message", examples = "104839205731_99812")
            String externalId,
            @Size(max = 300) String threadId,
            @Size(max = 300) String parentId,
            @Valid Author author,
            @NotNull String text,
            @Valid @Size(max = 20) List<@NotNull Media> media,
            @Size(max = 2000) String permalink,
            @Schema(description = "When it was posted on the platform, ISO-8601 with offset") OffsetDateTime postedAt) {
    }

    public record Author(@Size(max = 300) String id, @Size(max = 300) String name) {
    }

    public record Media(
            @NotNull @Pattern(regexp = "IMAGE|VIDEO", message = "must be IMAGE or VIDEO") String type,
            @NotBlank @Size(max = 2000) String url,
            @Pattern(regexp = "[0-9a-f]{64}", message = "must be a lower-case hex SHA-256") String sha256,
            @PositiveOrZero Long size) {
    }

    /** The answer to one submitted message. */
    @Schema(name = "Ingested")
    public record Ingested(UUID id, int version, String status, boolean hidden, int risk, String suggestedCategory) {
    }

    @Schema(name = "BatchIn")
    public record BatchIn(List<com.fasterxml.jackson.databind.JsonNode> messages) {
    }

    /** One item of a batch: {@code created}, {@code duplicate} (with the existing id) or {@code invalid}. */
    @Schema(name = "BatchItemResult")
    public record ItemResult(int index, String status, UUID id, Boolean hidden, app.vigie.contracts.problem.Problem problem) {
    }

    @Schema(name = "BatchResult")
    public record BatchResult(int created, int duplicates, int invalid, List<ItemResult> results) {
    }

    @Schema(name = "Message")
    public record View(UUID id, UUID communityId, String tenant, String externalId, String threadId, String parentId,
                       Author author, String permalink, Instant postedAt, Instant receivedAt, String status,
                       String decision, boolean hidden, int currentVersion, int risk, List<VersionView> versions) {
    }

    @Schema(name = "MessageVersion")
    public record VersionView(int version, String text, List<Media> media, String language, int risk,
                              String suggestedCategory, List<MessageReceived.Rule> rules, Instant receivedAt) {
    }

    @Schema(name = "MessageSummary")
    public record Summary(UUID id, UUID communityId, String externalId, String authorName, String excerpt,
                          Instant receivedAt, String status, String decision, boolean hidden, int risk,
                          String suggestedCategory) {
    }
}
