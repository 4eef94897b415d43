package app.vigie.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;

import app.vigie.contracts.community.Category;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LanguageChoiceTest {

    private static final LanguageChoice LANGUAGES = LanguageChoice.lingua();

    @Test
    void aOneLanguageCommunityNeedsNoDetection() {
        assertThat(LANGUAGES.choose("This is obviously English text", List.of("fr"))).isEqualTo("fr");
        assertThat(LANGUAGES.choose("x", List.of("EN "))).isEqualTo("en");
    }

    @Test
    void detectsAmongTheCommunityLanguages() {
        List<String> community = List.of("fr", "en");
        assertThat(LANGUAGES.choose("Thanks a lot, the delivery arrived this morning and everything works.", community))
                .isEqualTo("en");
        assertThat(LANGUAGES.choose("Merci beaucoup, la livraison est arrivée ce matin et tout fonctionne.", community))
                .isEqualTo("fr");
    }

    @Test
    void fallsBackToTheMainLanguage() {
        List<String> community = List.of("en", "fr");
        // A language the community does not use.
        assertThat(LANGUAGES.choose("Vielen Dank, die Lieferung kam heute Morgen und alles funktioniert.", community))
                .isEqualTo("en");
        // Too short to tell.
        assertThat(LANGUAGES.choose("ok merci", community)).isEqualTo("en");
        assertThat(LANGUAGES.choose("👍👍", community)).isEqualTo("en");
    }

    @Test
    void theTriagerReadsAMessageWithTheLexiconOfItsDetectedLanguage() {
        Triager triager = Triager.standard();
        TriageInput input = new TriageInput("You are a complete moron and everybody here knows it.", List.of("fr", "en"),
                Map.of(), Map.of(), 0);
        Triage t = triager.assess(input);
        assertThat(t.language()).isEqualTo("en");
        assertThat(t.suggestedCategory()).isEqualTo(Category.INSULT);
        assertThat(triager.lexiconLanguages()).contains("fr", "en");
    }
}
