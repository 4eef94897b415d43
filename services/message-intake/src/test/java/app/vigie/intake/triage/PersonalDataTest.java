package app.vigie.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;

import app.vigie.contracts.community.Category;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    private static final Triager TRIAGER = Triager.standard();

    private static List<RuleHit> pii(String text) {
        return TRIAGER.assess(TriageInput.of(text, "fr")).rules().stream()
                .filter(h -> h.category() == Category.PERSONAL_DATA).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Appelez-moi au 06 12 34 56 78 svp          | pii.phone                  | 06 12 34 56 78",
            "Mon portable : 0612345678                   | pii.phone                  | 0612345678",
            "Joignable au +33 6 12 34 56 78              | pii.phone                  | +33 6 12 34 56 78",
            "Call me on +44 7700 900123 to sort this out | pii.phone                  | +44 7700 900123",
            "US office (555) 123-4567 ok                 | pii.phone                  | (555) 123-4567",
            "Écrivez à jean.dupont@example.fr merci      | pii.email                  | jean.dupont@example.fr",
            "IBAN FR76 3000 6000 0112 3456 7890 189 ok   | pii.iban                   | FR76 3000 6000 0112 3456 7890 189",
            "virement sur DE89370400440532013000 svp     | pii.iban                   | DE89370400440532013000",
            "sécu 1 84 12 75 108 045 28 merci            | pii.social-security-number | 1 84 12 75 108 045 28",
            "NIR corse 2 90 05 2A 004 012 66             | pii.social-security-number | 2 90 05 2A 004 012 66",
            "ma carte 4539 1488 0343 6467 a été débitée  | pii.payment-card           | 4539 1488 0343 6467",
    })
    void findsAndQuotesPersonalData(String text, String rule, String quoted) {
        List<RuleHit> hits = pii(text);
        assertThat(hits).extracting(RuleHit::rule).contains(rule);
        RuleHit hit = hits.stream().filter(h -> h.rule().equals(rule)).findFirst().orElseThrow();
        assertThat(hit.matched()).isEqualTo(quoted).isEqualTo(text.substring(hit.start(), hit.end()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Ma commande n° 45821 est bloquée",
            "Mon numéro client est 12345678",
            "Rendez-vous le 12/05/2024 à 14h30",
            "IBAN FR76 3000 6000 0112 3456 7890 188 (faux)",   // wrong IBAN check digits
            "NIR 1 84 12 75 108 045 36",                      // wrong NIR key, no context
            "Carte 4539 1488 0343 6468",                      // fails the Luhn check
            "Commande 0000 0000 0000 0000",
            "Le score final était 3-1, 45 000 spectateurs",
    })
    void leavesOtherNumbersAlone(String text) {
        assertThat(pii(text)).isEmpty();
    }

    @Test
    void checksums() {
        assertThat(PersonalData.isIban("GB82 WEST 1234 5698 7654 32")).isTrue();
        assertThat(PersonalData.isIban("GB82 WEST 1234 5698 7654 33")).isFalse();
        assertThat(PersonalData.isIban("FR76 3000 6000 0112 3456 7890 18")).isFalse(); // French IBANs have 27 chars
        assertThat(PersonalData.isNir("1 84 12 75 108 045 28")).isTrue();
        assertThat(PersonalData.isNir("1 84 12 75 108 045 36")).isFalse();
        assertThat(PersonalData.luhn("5555555555554444")).isTrue();
        assertThat(PersonalData.luhn("5555555555554445")).isFalse();
    }

    @Test
    void aNumberTheWriterCallsPersonalCountsEvenWithAWrongKey() {
        Triage t = TRIAGER.assess(TriageInput.of("Mon numéro de sécu 1 84 12 75 108 045 36, vous pouvez vérifier ?", "fr"));
        assertThat(t.rules()).extracting(RuleHit::rule).contains("pii.context", "pii.unverified-number")
                .doesNotContain("pii.social-security-number");
        assertThat(t.suggestedCategory()).isEqualTo(Category.PERSONAL_DATA);
        List<RuleHit> unverified = new ArrayList<>();
        assertThat(PersonalData.find("NIR 1 84 12 75 108 045 36", unverified)).isEmpty();
        assertThat(unverified).hasSize(1);
    }
}
