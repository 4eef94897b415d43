package app.vigie.intake.triage;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Decides which language's lexicon reads a message: the community's own, or Lingua's guess among them. */
final class LanguageChoice {

    /** The languages Vigie moderates in, and so the only ones Lingua may answer. */
    static final List<String> SERVED = List.of("fr", "en", "es", "de", "it", "nl", "pt");

    /** Below this many letters Lingua guesses more than it detects. */
    private static final int MIN_LETTERS = 10;

    private final LanguageDetector detector;

    private LanguageChoice(LanguageDetector detector) {
        this.detector = detector;
    }

    /**
     * Low accuracy mode (trigrams only) is several times faster and lighter and good enough to choose between
     * the few languages of one community; models load on the first detection, never for one-language communities.
     */
    static LanguageChoice lingua() {
        LanguageDetector detector = LanguageDetectorBuilder
                .fromLanguages(Language.FRENCH, Language.ENGLISH, Language.SPANISH, Language.GERMAN, Language.ITALIAN,
                        Language.DUTCH, Language.PORTUGUESE)
                .withLowAccuracyMode()
                .withMinimumRelativeDistance(0.05)
                .build();
        return new LanguageChoice(detector);
    }

    String choose(String text, List<String> communityLanguages) {
        List<String> languages = new ArrayList<>(communityLanguages.size());
        for (String l : communityLanguages) {
            if (l != null && !l.isBlank()) {
                languages.add(l.strip().toLowerCase(Locale.ROOT));
            }
        }
        if (languages.size() == 1) {
            return languages.get(0);
        }
        String detected = detect(text);
        if (languages.isEmpty()) {
            return detected != null ? detected : SERVED.get(0);
        }
        return detected != null && languages.contains(detected) ? detected : languages.get(0);
    }

    /** The detected language, or null when Lingua is unsure or the text is too short to tell. */
    String detect(String text) {
        int letters = 0;
        for (int i = 0; i < text.length() && letters < MIN_LETTERS; i++) {
            if (Character.isLetter(text.charAt(i))) {
                letters++;
            }
        }
        if (letters < MIN_LETTERS) {
            return null;
        }
        Language language = detector.detectLanguageOf(text);
        if (language == Language.UNKNOWN) {
            return null;
        }
        return language.getIsoCode639_1().name().toLowerCase(Locale.ROOT);
    }
}
