package app.vigie.moderation.transparency;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The submission rules of the EU DSA Transparency Database (POST /api/v1/statement, schema of 1 July 2025), written
 * from its validation code and documentation independently of the code that produces statements: what the tests
 * check every exported statement against. Stricter than the database where its documentation is (territorial scope
 * always sent, end dates after the application date) and on unknown fields, which it would silently drop.
 */
public final class TransparencyDatabaseRules {

    private TransparencyDatabaseRules() {
    }

    static final Set<String> FIELDS = Set.of("decision_visibility", "decision_visibility_other", "decision_monetary",
            "decision_monetary_other", "decision_provision", "decision_account", "account_type",
            "category_specification", "category_specification_other", "decision_ground",
            "decision_ground_reference_url", "illegal_content_legal_ground", "illegal_content_explanation",
            "incompatible_content_ground", "incompatible_content_explanation", "incompatible_content_illegal",
            "content_type", "content_type_other", "category", "category_addition", "territorial_scope",
            "content_language", "content_date", "application_date", "end_date_account_restriction",
            "end_date_monetary_restriction", "end_date_service_restriction", "end_date_visibility_restriction",
            "decision_facts", "source_type", "source_identity", "automated_detection", "automated_decision", "puid",
            "content_id");
    static final Set<String> VISIBILITY = Set.of("DECISION_VISIBILITY_CONTENT_REMOVED",
            "DECISION_VISIBILITY_CONTENT_DISABLED", "DECISION_VISIBILITY_CONTENT_DEMOTED",
            "DECISION_VISIBILITY_CONTENT_AGE_RESTRICTED", "DECISION_VISIBILITY_CONTENT_INTERACTION_RESTRICTED",
            "DECISION_VISIBILITY_CONTENT_LABELLED", "DECISION_VISIBILITY_OTHER");
    static final Set<String> MONETARY = Set.of("DECISION_MONETARY_SUSPENSION", "DECISION_MONETARY_TERMINATION",
            "DECISION_MONETARY_OTHER");
    static final Set<String> PROVISION = Set.of("DECISION_PROVISION_PARTIAL_SUSPENSION",
            "DECISION_PROVISION_TOTAL_SUSPENSION", "DECISION_PROVISION_PARTIAL_TERMINATION",
            "DECISION_PROVISION_TOTAL_TERMINATION");
    static final Set<String> ACCOUNT = Set.of("DECISION_ACCOUNT_SUSPENDED", "DECISION_ACCOUNT_TERMINATED");
    static final Set<String> GROUNDS = Set.of("DECISION_GROUND_ILLEGAL_CONTENT", "DECISION_GROUND_INCOMPATIBLE_CONTENT");
    static final Set<String> CONTENT_TYPES = Set.of("CONTENT_TYPE_APP", "CONTENT_TYPE_AUDIO", "CONTENT_TYPE_IMAGE",
            "CONTENT_TYPE_PRODUCT", "CONTENT_TYPE_SYNTHETIC_MEDIA", "CONTENT_TYPE_TEXT", "CONTENT_TYPE_VIDEO",
            "CONTENT_TYPE_OTHER");
    static final Set<String> CATEGORIES = Set.of("STATEMENT_CATEGORY_ANIMAL_WELFARE",
            "STATEMENT_CATEGORY_CONSUMER_INFORMATION", "STATEMENT_CATEGORY_CYBER_VIOLENCE",
            "STATEMENT_CATEGORY_CYBER_VIOLENCE_AGAINST_WOMEN", "STATEMENT_CATEGORY_DATA_PROTECTION_AND_PRIVACY_VIOLATIONS",
            "STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH", "STATEMENT_CATEGORY_INTELLECTUAL_PROPERTY_INFRINGEMENTS",
            "STATEMENT_CATEGORY_NEGATIVE_EFFECTS_ON_CIVIC_DISCOURSE_OR_ELECTIONS", "STATEMENT_CATEGORY_NOT_SPECIFIED_NOTICE",
            "STATEMENT_CATEGORY_OTHER_VIOLATION_TC", "STATEMENT_CATEGORY_PROTECTION_OF_MINORS",
            "STATEMENT_CATEGORY_RISK_FOR_PUBLIC_SECURITY", "STATEMENT_CATEGORY_SCAMS_AND_FRAUD",
            "STATEMENT_CATEGORY_SELF_HARM", "STATEMENT_CATEGORY_UNSAFE_AND_PROHIBITED_PRODUCTS",
            "STATEMENT_CATEGORY_VIOLENCE");
    static final Set<String> KEYWORDS = Set.of("KEYWORD_ANIMAL_HARM", "KEYWORD_ADULT_SEXUAL_MATERIAL",
            "KEYWORD_AGE_SPECIFIC_RESTRICTIONS", "KEYWORD_AGE_SPECIFIC_RESTRICTIONS_MINORS",
            "KEYWORD_BIOMETRIC_DATA_BREACH", "KEYWORD_BULLYING_AGAINST_GIRLS", "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL",
            "KEYWORD_CHILD_SEXUAL_ABUSE_MATERIAL_DEEPFAKE", "KEYWORD_CONTENT_PROMOTING_EATING_DISORDERS",
            "KEYWORD_COORDINATED_HARM", "KEYWORD_COPYRIGHT_INFRINGEMENT", "KEYWORD_CYBER_BULLYING_INTIMIDATION",
            "KEYWORD_CYBER_HARASSMENT", "KEYWORD_CYBER_HARASSMENT_AGAINST_WOMEN", "KEYWORD_CYBER_INCITEMENT",
            "KEYWORD_CYBER_STALKING", "KEYWORD_CYBER_STALKING_AGAINST_WOMEN", "KEYWORD_DATA_FALSIFICATION",
            "KEYWORD_DEFAMATION", "KEYWORD_DESIGN_INFRINGEMENT", "KEYWORD_DISCRIMINATION",
            "KEYWORD_MISINFORMATION_DISINFORMATION", "KEYWORD_FEMALE_GENDERED_DISINFORMATION",
            "KEYWORD_GEOGRAPHIC_INDICATIONS_INFRINGEMENT", "KEYWORD_GEOGRAPHICAL_REQUIREMENTS",
            "KEYWORD_GOODS_SERVICES_NOT_PERMITTED", "KEYWORD_GROOMING_SEXUAL_ENTICEMENT_MINORS", "KEYWORD_HATE_SPEECH",
            "KEYWORD_HIDDEN_ADVERTISEMENT", "KEYWORD_HUMAN_EXPLOITATION", "KEYWORD_HUMAN_TRAFFICKING",
            "KEYWORD_ILLEGAL_ORGANIZATIONS", "KEYWORD_IMPERSONATION_ACCOUNT_HIJACKING", "KEYWORD_INAUTHENTIC_ACCOUNTS",
            "KEYWORD_INAUTHENTIC_LISTINGS", "KEYWORD_INAUTHENTIC_USER_REVIEWS", "KEYWORD_INCITEMENT_AGAINST_WOMEN",
            "KEYWORD_INCITEMENT_VIOLENCE_HATRED", "KEYWORD_INSUFFICIENT_INFORMATION_ON_TRADERS",
            "KEYWORD_LANGUAGE_REQUIREMENTS", "KEYWORD_MISLEADING_INFO_CONSUMER_RIGHTS",
            "KEYWORD_MISLEADING_INFO_GOODS_SERVICES", "KEYWORD_MISSING_PROCESSING_GROUND",
            "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING", "KEYWORD_NON_CONSENSUAL_IMAGE_SHARING_AGAINST_WOMEN",
            "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE", "KEYWORD_NON_CONSENSUAL_MATERIAL_DEEPFAKE_AGAINST_WOMEN",
            "KEYWORD_NONCOMPLIANCE_PRICING", "KEYWORD_NUDITY", "KEYWORD_PATENT_INFRINGEMENT", "KEYWORD_PHISHING",
            "KEYWORD_PROHIBITED_PRODUCTS", "KEYWORD_PYRAMID_SCHEMES", "KEYWORD_RIGHT_TO_BE_FORGOTTEN",
            "KEYWORD_RISK_ENVIRONMENTAL_DAMAGE", "KEYWORD_RISK_PUBLIC_HEALTH", "KEYWORD_SELF_MUTILATION",
            "KEYWORD_STALKING", "KEYWORD_SUICIDE", "KEYWORD_TERRORIST_CONTENT", "KEYWORD_TRADE_SECRET_INFRINGEMENT",
            "KEYWORD_TRADEMARK_INFRINGEMENT", "KEYWORD_TRAFFICKING_WOMEN_GIRLS", "KEYWORD_UNLAWFUL_SALE_ANIMALS",
            "KEYWORD_UNSAFE_CHALLENGES", "KEYWORD_UNSAFE_PRODUCTS", "KEYWORD_VIOLATION_EU_LAW",
            "KEYWORD_VIOLATION_NATIONAL_LAW", "KEYWORD_OTHER");
    static final Set<String> COUNTRIES = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR",
            "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MT", "NL", "NO", "PL", "PT", "RO", "SE", "SI", "SK");
    /** ISO 639-1 codes, upper case (the database accepts 184; the common ones here, enough for Vigie's triage). */
    static final Set<String> LANGUAGES = Set.of("EN", "FR", "DE", "ES", "IT", "NL", "PT", "PL", "RO", "AR", "BG", "CS",
            "DA", "EL", "ET", "FI", "GA", "HR", "HU", "LT", "LV", "MT", "SK", "SL", "SV");
    static final Set<String> SOURCES = Set.of("SOURCE_ARTICLE_16", "SOURCE_TRUSTED_FLAGGER",
            "SOURCE_TYPE_OTHER_NOTIFICATION", "SOURCE_VOLUNTARY");
    static final Set<String> AUTOMATED_DECISIONS = Set.of("AUTOMATED_DECISION_FULLY", "AUTOMATED_DECISION_PARTIALLY",
            "AUTOMATED_DECISION_NOT_AUTOMATED");
    private static final Pattern PUID = Pattern.compile("^[a-zA-Z0-9-_]+$");

    /** Every rule the statement breaks, empty when the database would accept it. */
    public static List<String> violations(JsonNode s) {
        List<String> v = new ArrayList<>();
        s.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                v.add(f + ": not a field of the database");
            } else if (s.get(f).isNull()) {
                v.add(f + ": sent as null (leave it out)");
            }
        });
        enumArray(s, "decision_visibility", VISIBILITY, false, v);
        enumValue(s, "decision_monetary", MONETARY, false, v);
        enumValue(s, "decision_provision", PROVISION, false, v);
        enumValue(s, "decision_account", ACCOUNT, false, v);
        if (empty(s, "decision_visibility") && empty(s, "decision_monetary") && empty(s, "decision_provision")
                && empty(s, "decision_account")) {
            v.add("decision_*: at least one of visibility, monetary, provision, account is required");
        }
        otherRequiredIff(s, "decision_visibility_other", contains(s, "decision_visibility", "DECISION_VISIBILITY_OTHER"), v);
        otherRequiredIff(s, "decision_monetary_other", "DECISION_MONETARY_OTHER".equals(text(s, "decision_monetary")), v);
        otherRequiredIff(s, "content_type_other", contains(s, "content_type", "CONTENT_TYPE_OTHER"), v);
        enumValue(s, "decision_ground", GROUNDS, true, v);
        boolean illegal = "DECISION_GROUND_ILLEGAL_CONTENT".equals(text(s, "decision_ground"));
        boolean incompatible = "DECISION_GROUND_INCOMPATIBLE_CONTENT".equals(text(s, "decision_ground"));
        conditional(s, "illegal_content_legal_ground", illegal, 500, v);
        conditional(s, "illegal_content_explanation", illegal, 2000, v);
        conditional(s, "incompatible_content_ground", incompatible, 500, v);
        conditional(s, "incompatible_content_explanation", incompatible, 2000, v);
        if (s.has("incompatible_content_illegal")) {
            if (!incompatible) {
                v.add("incompatible_content_illegal: only with an incompatible-content ground");
            } else if (!Set.of("Yes", "No").contains(text(s, "incompatible_content_illegal"))) {
                v.add("incompatible_content_illegal: Yes or No");
            }
        }
        enumArray(s, "content_type", CONTENT_TYPES, true, v);
        enumValue(s, "category", CATEGORIES, true, v);
        enumArray(s, "category_addition", CATEGORIES, false, v);
        enumArray(s, "category_specification", KEYWORDS, false, v);
        maxLength(s, "category_specification_other", 500, v);
        if (s.has("category_specification_other") && !contains(s, "category_specification", "KEYWORD_OTHER")) {
            v.add("category_specification_other: only with KEYWORD_OTHER (dropped otherwise)");
        }
        enumArray(s, "territorial_scope", COUNTRIES, true, v);
        enumValue(s, "content_language", LANGUAGES, false, v);
        LocalDate application = date(s, "application_date", true, LocalDate.of(2020, 1, 1), v);
        date(s, "content_date", true, LocalDate.of(2000, 1, 1), v);
        for (String end : List.of("end_date_account_restriction", "end_date_monetary_restriction",
                "end_date_service_restriction", "end_date_visibility_restriction")) {
            LocalDate at = date(s, end, false, LocalDate.MIN, v);
            if (at != null && application != null && at.isBefore(application)) {
                v.add(end + ": before the application date");
            }
        }
        required(s, "decision_facts", 5000, v);
        enumValue(s, "source_type", SOURCES, true, v);
        maxLength(s, "source_identity", 500, v);
        if (!Set.of("Yes", "No").contains(text(s, "automated_detection"))) {
            v.add("automated_detection: required, Yes or No");
        }
        enumValue(s, "automated_decision", AUTOMATED_DECISIONS, true, v);
        String puid = text(s, "puid");
        if (puid == null || puid.length() > 500 || !PUID.matcher(puid).matches()) {
            v.add("puid: required, at most 500 letters, digits, - and _");
        }
        return v;
    }

    private static String text(JsonNode s, String f) {
        return s.has(f) && s.get(f).isTextual() ? s.get(f).asText() : null;
    }

    private static boolean empty(JsonNode s, String f) {
        JsonNode n = s.get(f);
        return n == null || n.isNull() || (n.isArray() && n.isEmpty()) || (n.isTextual() && n.asText().isEmpty());
    }

    private static boolean contains(JsonNode s, String f, String value) {
        JsonNode n = s.get(f);
        if (n == null || !n.isArray()) {
            return false;
        }
        for (JsonNode e : n) {
            if (value.equals(e.asText())) {
                return true;
            }
        }
        return false;
    }

    private static void enumValue(JsonNode s, String f, Set<String> allowed, boolean required, List<String> v) {
        if (!s.has(f)) {
            if (required) {
                v.add(f + ": required");
            }
            return;
        }
        if (!s.get(f).isTextual() || !allowed.contains(s.get(f).asText())) {
            v.add(f + ": not an allowed value: " + s.get(f));
        }
    }

    private static void enumArray(JsonNode s, String f, Set<String> allowed, boolean required, List<String> v) {
        JsonNode n = s.get(f);
        if (n == null) {
            if (required) {
                v.add(f + ": required");
            }
            return;
        }
        if (!n.isArray() || (required && n.isEmpty())) {
            v.add(f + ": must be a" + (required ? " non-empty" : "n") + " array");
            return;
        }
        for (JsonNode e : n) {
            if (!e.isTextual() || !allowed.contains(e.asText())) {
                v.add(f + ": not an allowed value: " + e);
            }
        }
    }

    private static void otherRequiredIff(JsonNode s, String f, boolean trigger, List<String> v) {
        if (trigger) {
            required(s, f, 500, v);
        } else if (s.has(f)) {
            v.add(f + ": only with its OTHER value (dropped otherwise)");
        }
    }

    private static void conditional(JsonNode s, String f, boolean when, int max, List<String> v) {
        if (when) {
            required(s, f, max, v);
        } else if (s.has(f)) {
            v.add(f + ": does not belong with this ground (dropped)");
        }
    }

    private static void required(JsonNode s, String f, int max, List<String> v) {
        String value = text(s, f);
        if (value == null || value.isBlank()) {
            v.add(f + ": required");
        } else {
            maxLength(s, f, max, v);
        }
    }

    private static void maxLength(JsonNode s, String f, int max, List<String> v) {
        String value = text(s, f);
        if (s.has(f) && value == null) {
            v.add(f + ": must be a string");
        } else if (value != null && value.codePointCount(0, value.length()) > max) {
            v.add(f + ": longer than " + max);
        }
    }

    private static LocalDate date(JsonNode s, String f, boolean required, LocalDate earliest, List<String> v) {
        String value = text(s, f);
        if (value == null) {
            if (required) {
                v.add(f + ": required");
            }
            return null;
        }
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            v.add(f + ": not YYYY-MM-DD");
            return null;
        }
        try {
            LocalDate at = LocalDate.parse(value);
            if (at.isBefore(earliest) || at.isAfter(LocalDate.of(2038, 1, 1))) {
                v.add(f + ": out of range");
            }
            return at;
        } catch (DateTimeParseException e) {
            v.add(f + ": not a date");
            return null;
        }
    }
}
