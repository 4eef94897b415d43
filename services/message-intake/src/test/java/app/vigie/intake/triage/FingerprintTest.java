package app.vigie.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FingerprintTest {

    @Test
    void ignoresAmountsPunctuationAndSpacing() {
        String a = Fingerprint.of(Triager.standard().assess(TriageInput.of("Gagnez 5000€ par semaine !!!", "fr")).normalisedText());
        String b = Fingerprint.of(Triager.standard().assess(TriageInput.of("GAGNEZ  7000 € par SEMAINE ?", "fr")).normalisedText());
        assertThat(a).isEqualTo(b).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Test
    void differsWhenTheWordsDiffer() {
        assertThat(Fingerprint.of("gagnez par semaine")).isNotEqualTo(Fingerprint.of("gagnez par mois"));
        assertThat(Fingerprint.of(null)).isEqualTo(Fingerprint.of(""));
    }
}
