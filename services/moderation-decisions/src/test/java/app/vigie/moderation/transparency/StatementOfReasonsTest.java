package app.vigie.moderation.transparency;

import static org.assertj.core.api.Assertions.assertThat;

import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.community.Category;
import app.vigie.moderation.domain.Action;
import app.vigie.moderation.domain.Ground;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Every statement Vigie can produce follows the Transparency Database's rules; the rules themselves can fail. */
class StatementOfReasonsTest {

    private static JsonNode json(StatementOfReasons s) {
        return EventPayloads.mapper().valueToTree(s);
    }

    private static StatementOfReasons.Restriction rejection(Category category, Ground ground, Action action,
                                                            boolean automated, boolean image, String explanation,
                                                            String language) {
        return new StatementOfReasons.Restriction("01a23358-3a2e-7c71-b19d-786a1940684e", "DECISION", "REJECTED",
                automated, true, category.name(), ground.name(), "Loi du 29 juillet 1881, art. 24", explanation,
                action.name(), null, 3, language, Instant.parse("2026-11-30T23:10:00Z"),
                Instant.parse("2026-12-01T00:05:00Z"), true, image, false);
    }

    @Property
    void everyRejectionGivesAStatementTheDatabaseAccepts(@ForAll Category category, @ForAll Ground ground,
                                                         @ForAll Action action, @ForAll boolean automated,
                                                         @ForAll boolean image,
                                                         @ForAll @StringLength(min = 0, max = 6000) String explanation) {
        StatementOfReasons s = StatementOfReasons.of(rejection(category, ground, action, automated, image, explanation,
                "fr"), StatementOfReasons.EEA);
        assertThat(TransparencyDatabaseRules.violations(json(s))).isEmpty();
    }

    @Test
    void theFieldsSayWhatWasDecidedOnWhichGround() {
        JsonNode s = json(StatementOfReasons.of(rejection(Category.HATE, Ground.ILLEGAL_CONTENT, Action.AUTHOR_BANNED,
                false, true, "Provocation à la haine", "fr"), List.of("FR", "BE")));
        assertThat(s.get("decision_ground").asText()).isEqualTo("DECISION_GROUND_ILLEGAL_CONTENT");
        assertThat(s.get("illegal_content_legal_ground").asText()).isEqualTo("Loi du 29 juillet 1881, art. 24");
        assertThat(s.has("incompatible_content_ground")).isFalse();
        assertThat(s.get("category").asText()).isEqualTo("STATEMENT_CATEGORY_ILLEGAL_OR_HARMFUL_SPEECH");
        assertThat(s.get("category_specification").toString()).isEqualTo("[\"KEYWORD_HATE_SPEECH\"]");
        assertThat(s.get("decision_visibility").toString()).isEqualTo("[\"DECISION_VISIBILITY_CONTENT_REMOVED\"]");
        assertThat(s.get("decision_provision").asText()).isEqualTo("DECISION_PROVISION_PARTIAL_TERMINATION");
        assertThat(s.get("content_type").toString()).isEqualTo("[\"CONTENT_TYPE_IMAGE\",\"CONTENT_TYPE_TEXT\"]");
        assertThat(s.get("content_language").asText()).isEqualTo("FR");
        assertThat(s.get("content_date").asText()).isEqualTo("2026-11-30");
        assertThat(s.get("application_date").asText()).isEqualTo("2026-12-01");
        assertThat(s.get("automated_decision").asText()).isEqualTo("AUTOMATED_DECISION_NOT_AUTOMATED");
        assertThat(s.get("automated_detection").asText()).isEqualTo("Yes");
        assertThat(s.get("source_type").asText()).isEqualTo("SOURCE_VOLUNTARY");
        assertThat(s.get("puid").asText()).isEqualTo("sor-01a23358-3a2e-7c71-b19d-786a1940684e");
        assertThat(s.get("territorial_scope").toString()).isEqualTo("[\"FR\",\"BE\"]");
    }

    @Test
    void anAutomaticHidingIsAFullyAutomatedDisabling() {
        var hide = new StatementOfReasons.Restriction("e-1", "AUTO_HIDE", null, true, true, "THREAT", null, null,
                "Risk 95 above the policy's automatic hiding threshold", "HIDDEN", null, 4, "en",
                Instant.parse("2026-12-01T10:00:00Z"), Instant.parse("2026-12-01T10:00:00Z"), true, false, false);
        JsonNode s = json(StatementOfReasons.of(hide, StatementOfReasons.EEA));
        assertThat(TransparencyDatabaseRules.violations(s)).isEmpty();
        assertThat(s.get("decision_visibility").toString()).isEqualTo("[\"DECISION_VISIBILITY_CONTENT_DISABLED\"]");
        assertThat(s.get("automated_decision").asText()).isEqualTo("AUTOMATED_DECISION_FULLY");
        assertThat(s.get("decision_ground").asText()).isEqualTo("DECISION_GROUND_INCOMPATIBLE_CONTENT");
        assertThat(s.get("category").asText()).isEqualTo("STATEMENT_CATEGORY_VIOLENCE");
    }

    @Test
    void theRulesRefuseWhatTheDatabaseRefuses() {
        ObjectNode good = (ObjectNode) json(StatementOfReasons.of(rejection(Category.SPAM,
                Ground.INCOMPATIBLE_WITH_TERMS, Action.REMOVED, false, false, "Liens répétés", "fr"),
                StatementOfReasons.EEA));
        assertThat(TransparencyDatabaseRules.violations(good)).isEmpty();
        assertThat(TransparencyDatabaseRules.violations(good.deepCopy().without("incompatible_content_ground")))
                .anyMatch(m -> m.startsWith("incompatible_content_ground"));
        assertThat(TransparencyDatabaseRules.violations(good.deepCopy().put("decision_ground",
                "DECISION_GROUND_ILLEGAL_CONTENT"))).anyMatch(m -> m.startsWith("illegal_content_legal_ground"));
        assertThat(TransparencyDatabaseRules.violations(good.deepCopy().without("decision_visibility")))
                .anyMatch(m -> m.startsWith("decision_*"));
        assertThat(TransparencyDatabaseRules.violations(good.deepCopy().put("content_language", "fr")))
                .anyMatch(m -> m.startsWith("content_language"));
        assertThat(TransparencyDatabaseRules.violations(good.deepCopy().put("application_date", "2026-12-1")))
                .anyMatch(m -> m.startsWith("application_date"));
        assertThat(TransparencyDatabaseRules.violations(good.deepCopy().put("puid", "sor:1")))
                .anyMatch(m -> m.startsWith("puid"));
        assertThat(TransparencyDatabaseRules.violations(good.deepCopy().put("automated_decision", "No")))
                .anyMatch(m -> m.startsWith("automated_decision"));
        assertThat(TransparencyDatabaseRules.violations(good.deepCopy().putNull("account_type")))
                .anyMatch(m -> m.startsWith("account_type"));
        assertThat(TransparencyDatabaseRules.violations(good.deepCopy().put("caseId", "x")))
                .anyMatch(m -> m.startsWith("caseId"));
    }
}
