package app.vigie.moderation.transparency;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A statement of reasons (DSA art. 17) in the submission format of the EU DSA Transparency Database
 * ({@code POST /api/v1/statement}, schema in force since 1 July 2025): field names, allowed values, formats and the
 * rules that make fields required by others, as docs/audit.md lists them with the mapping from Vigie's taxonomy.
 * Only the database's own fields are written; a field that does not apply is left out (never sent as null).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StatementOfReasons(
        List<String> decisionVisibility,
        String decisionProvision,
        String decisionGround,
        String illegalContentLegalGround,
        String illegalContentExplanation,
        String incompatibleContentGround,
        String incompatibleContentExplanation,
        String incompatibleContentIllegal,
        List<String> contentType,
        String category,
        List<String> categorySpecification,
        String categorySpecificationOther,
        List<String> territorialScope,
        String contentLanguage,
        String contentDate,
        String applicationDate,
        String decisionFacts,
        String sourceType,
        String automatedDetection,
        String automatedDecision,
        String puid) {

    /** EU 27, Iceland, Liechtenstein and Norway, as the database writes them (Greece is GR). */
    public static final List<String> EEA = List.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
            "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI",
            "SK");

    /** Vigie's category → the database's category, keyword, and the text of {@code KEYWORD_OTHER} (null if none). */
    record Mapped(String category, String keyword, String other) {
    }

    static final Map<String, Mapped> CATEGORIES = Map.ofEntries(
            Map.entry("INSULT", new Mapped("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "KEYWORD_OTHER", "Insult")),
            Map.entry("HATE", new Mapped("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "KEYWORD_HATE_SPEECH", null)),
            Map.entry("THREAT", new Mapped("STATEMENT_CATEGORY_VIOLENCE", "KEYWORD_INCITEMENT_VIOLENCE_HATRED", null)),
            Map.entry("HARASSMENT", new Mapped("STATEMENT_CATEGORY_CYBER_VIOLENCE", "KEYWORD_CYBER_HARASSMENT", null)),
            Map.entry("SEXUAL", new Mapped("STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "KEYWORD_ADULT_SEXUAL_MATERIAL", null)),
            Map.entry("VIOLENCE", new Mapped("STATEMENT_CATEGORY_VIOLENCE", "KEYWORD_OTHER", "Violent content")),
            Map.entry("SPAM", new Mapped("STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "KEYWORD_OTHER", "Spam")),
            Map.entry("SCAM", new Mapped("STATEMENT_CATEGORY_SCAMS_AND_FRAUD", "KEYWORD_OTHER", "Scam or fraud attempt")),
            Map.entry("PERSONAL_DATA", new Mapped("STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
                    "KEYWORD_OTHER", "Publication of someone's personal data")),
            Map.entry("ILLEGAL_OTHER", new Mapped("STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "KEYWORD_OTHER",
                    "Other illegal content")),
            Map.entry("OFF_TOPIC", new Mapped("STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "KEYWORD_OTHER", "Off-topic")),
            Map.entry("COMPETITOR_PROMOTION", new Mapped("STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "KEYWORD_OTHER",
                    "Promotion of a competitor")));

    /** Languages the database accepts that Vigie's triage detects (its list has 184; these are ours). */
    private static final Set<String> LANGUAGES = Set.of("FR", "EN", "DE", "ES", "IT", "NL", "PT", "AR", "PL", "RO");

    /** What a statement is made of: one restrictive row of the decision log and the content it concerns. */
    record Restriction(String eventId, String kind, String decision, boolean automated, boolean automatedDetection,
                       String category, String ground, String reference, String explanation, String action,
                       String appealOutcome, Integer policyVersion, String language, Instant openedAt,
                       Instant occurredAt, boolean hasText, boolean hasImage, boolean hasVideo) {
    }

    static StatementOfReasons of(Restriction r, List<String> territorialScope) {
        boolean autoHide = "AUTO_HIDE".equals(r.kind());
        Mapped mapped = CATEGORIES.getOrDefault(r.category() == null ? "" : r.category(),
                new Mapped("STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "KEYWORD_OTHER", "Not categorised"));
        boolean illegal = "ILLEGAL_CONTENT".equals(r.ground());
        String reference = limit(blankOr(r.reference(), autoHide
                ? "Community policy, version " + r.policyVersion() + ": automatic hiding above its risk threshold"
                : "Community house rules"), 500);
        String explanation = limit(blankOr(r.explanation(), "No explanation recorded"), 2000);
        List<String> types = new ArrayList<>();
        if (r.hasImage()) {
            types.add("CONTENT_TYPE_IMAGE");
        }
        if (r.hasText() || (!r.hasImage() && !r.hasVideo())) {
            types.add("CONTENT_TYPE_TEXT");
        }
        if (r.hasVideo()) {
            types.add("CONTENT_TYPE_VIDEO");
        }
        String language = r.language() == null ? null : r.language().toUpperCase(java.util.Locale.ROOT);
        return new StatementOfReasons(
                List.of(visibility(r.action())),
                "AUTHOR_BANNED".equals(r.action()) ? "DECISION_PROVISION_PARTIAL_TERMINATION" : null,
                illegal ? "DECISION_GROUND_ILLEGAL_CONTENT" : "DECISION_GROUND_INCOMPATIBLE_CONTENT",
                illegal ? reference : null,
                illegal ? explanation : null,
                illegal ? null : reference,
                illegal ? null : explanation,
                illegal ? null : "No",
                types,
                mapped.category(),
                List.of(mapped.keyword()),
                mapped.other(),
                territorialScope,
                language != null && LANGUAGES.contains(language) ? language : null,
                date(r.openedAt() == null ? r.occurredAt() : r.openedAt()),
                date(r.occurredAt()),
                limit(facts(r, autoHide), 5000),
                "SOURCE_VOLUNTARY",
                r.automatedDetection() || r.automated() ? "Yes" : "No",
                r.automated() ? "AUTOMATED_DECISION_FULLY" : "AUTOMATED_DECISION_NOT_AUTOMATED",
                "sor-" + r.eventId());
    }

    /**
     * Removal for a removal, a warning or a ban (the message goes in each case); disabling access for a message
     * hidden (kept, not shown) and for the policy's automatic hiding.
     */
    private static String visibility(String action) {
        return action == null || "HIDDEN".equals(action) ? "DECISION_VISIBILITY_CONTENT_DISABLED"
                : "DECISION_VISIBILITY_CONTENT_REMOVED";
    }

    private static String facts(Restriction r, boolean autoHide) {
        if (autoHide) {
            return "Automated triage rated the message above the community policy's risk threshold (policy version "
                    + r.policyVersion() + "); it was hidden at once, pending a moderator's decision.";
        }
        StringBuilder facts = new StringBuilder();
        facts.append("APPEAL_DECISION".equals(r.kind())
                ? "On appeal, a moderator other than the first reversed the approval of the message and rejected it. "
                : r.automated() ? "The community policy rejected the message automatically. "
                : "A human moderator reviewed the message and rejected it. ");
        facts.append("Ground: ").append("ILLEGAL_CONTENT".equals(r.ground()) ? "illegal content" : "incompatible with "
                + "the community's terms").append(" (").append(blankOr(r.reference(), "not stated")).append("). ");
        facts.append("Action: ").append(switch (r.action() == null ? "" : r.action()) {
            case "REMOVED" -> "the message was removed.";
            case "HIDDEN" -> "the message was hidden.";
            case "AUTHOR_WARNED" -> "the message was removed and its author warned.";
            case "AUTHOR_BANNED" -> "the message was removed and its author banned from the community.";
            default -> "the message was restricted.";
        });
        if (r.policyVersion() != null) {
            facts.append(" Policy version ").append(r.policyVersion()).append('.');
        }
        return facts.toString();
    }

    private static String date(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate().toString();
    }

    private static String blankOr(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String limit(String value, int max) {
        return value.codePointCount(0, value.length()) <= max ? value
                : value.substring(0, value.offsetByCodePoints(0, max - 1)) + "…";
    }
}
