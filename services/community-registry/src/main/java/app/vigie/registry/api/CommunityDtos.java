package app.vigie.registry.api;

import app.vigie.contracts.community.Category;
import app.vigie.contracts.community.CommunitySnapshot.Coverage;
import app.vigie.contracts.community.ModerationMode;
import app.vigie.contracts.community.Platform;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response shapes of {@code /communities} and their policies. */
public final class CommunityDtos {

    private CommunityDtos() {
    }

    @Schema(name = "CommunityRequest", description = "A community to register (POST) or its new settings (PUT).")
    public record Request(
            @Pattern(regexp = TenantDtos.SLUG) @Schema(description = "Required for platform staff; tenant users may omit it",
                    examples = "radio-horizon") String tenant,
            @NotBlank @Size(max = 200) @Schema(examples = "Radio Horizon — Facebook") String name,
            @NotNull Platform platform,
            @NotBlank @Size(max = 200) @Schema(description = "The platform's id of the page, site or forum",
                    examples = "104839205731") String externalId,
            @NotNull @Size(max = 20) @Schema(description = "ISO 639-1 codes, most used first", examples = "[\"fr\",\"en\"]")
            List<String> languages,
            @NotBlank @Schema(description = "IANA time zone", examples = "Europe/Paris") String timeZone,
            @NotNull ModerationMode moderationMode,
            @NotNull @Min(1) @Max(10_080) @Schema(examples = "30") Integer decisionSlaMinutes,
            @NotNull @Min(1) @Max(10_080) @Schema(examples = "120") Integer replySlaMinutes,
            @NotNull @Schema(description = "{\"mode\":\"ALWAYS\"} or {\"mode\":\"OPENING_HOURS\",\"hours\":{\"MONDAY\":[{\"from\":\"08:00\",\"to\":\"20:00\"}]}}")
            Coverage coverage,
            @Size(max = 2000) @Schema(examples = "https://api.radio-horizon.example/vigie/decisions") String callbackUrl,
            @Size(max = 200) @Schema(description = "Name of the secret holding the callback signing key; never the key itself")
            String callbackSecretRef,
            @Size(max = 200) String webhookVerifyTokenRef,
            @Valid @Schema(description = "Initial policy (POST only); defaults apply when absent") PolicyRequest policy) {
    }

    @Schema(name = "Community")
    public record View(UUID id, String tenant, String name, Platform platform, String externalId,
                       List<String> languages, String timeZone, ModerationMode moderationMode,
                       int decisionSlaMinutes, int replySlaMinutes, Coverage coverage, String callbackUrl,
                       String callbackSecretRef, String webhookVerifyTokenRef, String status, int policyVersion,
                       long version, Instant createdAt, Instant updatedAt) {
    }

    @Schema(name = "PolicyRequest", description = "A new version of a community's moderation policy.")
    public record PolicyRequest(
            @NotNull Set<@NotNull Category> forbiddenCategories,
            Map<String, List<String>> blockedTerms,
            Map<String, List<String>> allowedTerms,
            @NotNull @DecimalMin("0") @DecimalMax("1") @Schema(description = "Risk above which a message is hidden at once",
                    examples = "0.85") BigDecimal autoHideThreshold,
            Set<@NotNull Category> seniorCategories,
            @Size(max = 20_000) String houseRulesText,
            @Size(max = 2000) String houseRulesUrl,
            @DecimalMin("0") @DecimalMax("1") @Schema(description = "Risk below which moderation approves at once, as an "
                    + "automated decision (none when absent)", examples = "0.05") BigDecimal autoApproveBelow) {
    }

    @Schema(name = "Policy")
    public record PolicyView(UUID communityId, int version, Set<Category> forbiddenCategories,
                             Map<String, List<String>> blockedTerms, Map<String, List<String>> allowedTerms,
                             BigDecimal autoHideThreshold, Set<Category> seniorCategories, String houseRulesText,
                             String houseRulesUrl, BigDecimal autoApproveBelow, Instant createdAt, String createdBy) {
    }
}
