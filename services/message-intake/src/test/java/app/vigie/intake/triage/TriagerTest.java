package app.vigie.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;

import app.vigie.contracts.community.Category;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TriagerTest {

    private static final Triager TRIAGER = Triager.standard();

    @Test
    void riskCombinesIndependentEvidence() {
        assertThat(Triager.risk(List.of())).isZero();
        assertThat(Triager.risk(List.of(hit(50, null), hit(50, null)))).isEqualTo(75);
        assertThat(Triager.risk(List.of(hit(100, null), hit(10, null)))).isEqualTo(100);
        assertThat(Triager.risk(List.of(hit(70, Category.INSULT), hit(10, null)))).isEqualTo(73);
    }

    @Test
    void suggestsTheHeaviestCategoryAboveTheFloor() {
        assertThat(Triager.suggest(List.of(hit(30, Category.INSULT)), 30)).isNull();
        assertThat(Triager.suggest(List.of(hit(60, Category.INSULT), hit(30, Category.SPAM), hit(35, Category.SPAM)), 82))
                .isEqualTo(Category.SPAM);
        // A tie goes to the more serious category.
        assertThat(Triager.suggest(List.of(hit(50, Category.SPAM), hit(50, Category.THREAT)), 75))
                .isEqualTo(Category.THREAT);
        // Neutral signals raise the risk but never choose the category.
        assertThat(Triager.suggest(List.of(hit(60, null), hit(15, Category.SPAM)), 66)).isNull();
    }

    @Test
    void isDeterministicAndThreadSafe() {
        TriageInput input = new TriageInput("Espèce de c0nn4rd, je sais où tu habites http://bit.ly/x 06 12 34 56 78",
                List.of("fr", "en"), Map.of("fr", List.of("habites")), Map.of("fr", List.of("nul")), 2);
        Triage first = TRIAGER.assess(input);
        List<Triage> parallel = IntStream.range(0, 2_000).parallel().mapToObj(i -> TRIAGER.assess(input)).toList();
        assertThat(parallel).allMatch(first::equals);
        assertThat(first.risk()).isBetween(0, 100);
        assertThat(first.fingerprint()).isEqualTo(Fingerprint.of(first.normalisedText()));
    }

    @Test
    void emptyAndOddInputsAreFine() {
        Triage empty = TRIAGER.assess(new TriageInput(null, null, null, null, -1));
        assertThat(empty.risk()).isZero();
        assertThat(empty.rules()).isEmpty();
        assertThat(empty.normalisedText()).isEmpty();
        assertThat(TRIAGER.assess(TriageInput.of("¿Dónde está mi pedido? 😀", "es")).language()).isEqualTo("es");
        java.util.Map<String, List<String>> sloppyPolicy = new java.util.HashMap<>();
        sloppyPolicy.put("fr", java.util.Arrays.asList("connard", null));
        sloppyPolicy.put("en", null);
        Triage t = TRIAGER.assess(new TriageInput("connard", java.util.Arrays.asList("fr", null), sloppyPolicy,
                sloppyPolicy, 0));
        assertThat(t.rules()).extracting(RuleHit::rule).contains("policy.blocked-term");
        assertThat(TRIAGER.assess(TriageInput.of("\u0000\uFFFF\uD800 x", "fr")).risk()).isZero();
    }

    @Test
    void rulesAreOrderedByPosition() {
        Triage t = TRIAGER.assess(TriageInput.of("Connard ! Tu vas finir à l'hôpital, abruti.", "fr"));
        assertThat(t.rules()).isSortedAccordingTo(java.util.Comparator.comparingInt(RuleHit::start));
        assertThat(t.rules()).extracting(RuleHit::category).contains(Category.THREAT, Category.INSULT);
        // The suggestion follows the total weight: two insults (70 + 70) outweigh one threat (70).
        assertThat(t.suggestedCategory()).isEqualTo(Category.INSULT);
    }

    private static RuleHit hit(int weight, Category category) {
        return new RuleHit("test", category, weight, 0, 0, "");
    }
}
