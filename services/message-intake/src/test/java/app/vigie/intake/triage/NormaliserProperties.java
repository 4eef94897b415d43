package app.vigie.intake.triage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of normalisation over generated text, including the evasions it is meant to undo. */
class NormaliserProperties {

    private static final Triager TRIAGER = Triager.standard();

    @Property(tries = 2000)
    void isIdempotent(@ForAll("messages") String text) {
        String once = Normaliser.normalise(text).text();
        assertThat(Normaliser.normalise(once).text()).isEqualTo(once);
    }

    @Property(tries = 2000)
    void mapsBackInsideTheOriginalText(@ForAll("messages") String text) {
        Normaliser.Normalised n = Normaliser.normalise(text);
        assertThat(n.starts()).hasSameSizeAs(n.ends()).hasSize(n.text().length());
        int previous = 0;
        for (int i = 0; i < n.text().length(); i++) {
            assertThat(n.starts()[i]).isBetween(0, text.length());
            assertThat(n.ends()[i]).isBetween(n.starts()[i], text.length());
            assertThat(n.starts()[i]).isGreaterThanOrEqualTo(previous);
            previous = n.starts()[i];
        }
    }

    @Property(tries = 1000)
    void hitsQuoteTheOriginalText(@ForAll("messages") String noise, @ForAll("disguisedInsults") Disguised insult) {
        String text = noise + " " + insult.text() + " " + noise;
        Triage triage = TRIAGER.assess(TriageInput.of(text, insult.language()));
        for (RuleHit hit : triage.rules()) {
            assertThat(hit.start()).isBetween(0, hit.end());
            assertThat(hit.end()).isLessThanOrEqualTo(text.length());
            assertThat(hit.matched()).isEqualTo(text.substring(hit.start(), hit.end()));
        }
    }

    /** Case changes, separators, stretched letters and leetspeak inside a lexicon word do not hide it. */
    @Property(tries = 3000)
    void disguisedLexiconWordsStillMatch(@ForAll("disguisedInsults") Disguised insult) {
        String text = insult.prefix() + insult.text() + " !";
        Triage triage = TRIAGER.assess(TriageInput.of(text, insult.language()));
        int start = insult.prefix().length();
        int end = start + insult.text().length();
        assertThat(triage.rules())
                .as("%s (from %s) in: %s -> %s", insult.text(), insult.word(), text, triage.normalisedText())
                .anyMatch(h -> h.rule().equals("lexicon.insult") && h.start() <= start + 1 && h.end() >= end - 1);
    }

    record Disguised(String word, String language, String prefix, String text) {
    }

    @Provide
    Arbitrary<String> messages() {
        Arbitrary<String> pieces = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcdeéèêàçôùïœßABCÉZ ").ofMinLength(1).ofMaxLength(8),
                Arbitraries.strings().withChars("0134578@$!|").ofMinLength(1).ofMaxLength(3),
                Arbitraries.strings().withChars(".-_*~+/ ").ofMinLength(1).ofMaxLength(2),
                Arbitraries.of("😀", "👍🏽", "\u200B", "\u00AD", "\n", "  ", "'", "’", "ｃ", "𝐜", "с", "а", "о", "İ",
                        "ǅ", "…", "°", "http://bit.ly/Ab1", "www.example.com", "a@b.fr", "n°", "€", "%"),
                Arbitraries.of("connard", "c.o.n", "i d i o t", "mooooron", "c0nn4rd", "a.b.c.d", "aaa.b.c"));
        return pieces.list().ofMaxSize(12).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<Disguised> disguisedInsults() {
        Arbitrary<String[]> words = Arbitraries.of(List.of(
                new String[] {"connard", "fr", "espèce de "}, new String[] {"abruti", "fr", "quel "},
                new String[] {"salope", "fr", ""}, new String[] {"enfoiré", "fr", "sale "},
                new String[] {"connasse", "fr", "pauvre "}, new String[] {"imbécile", "fr", "t'es un "},
                new String[] {"moron", "en", "what a "}, new String[] {"asshole", "en", "you "},
                new String[] {"imbecile", "en", "such an "}, new String[] {"bastard", "en", "you "},
                new String[] {"wanker", "en", "you "}, new String[] {"scumbag", "en", "what a "}));
        return Combinators.combine(words, Arbitraries.longs()).as((w, seed) -> {
            Random random = new Random(seed);
            String text = disguise(w[0], random);
            return new Disguised(w[0], w[1], w[2], text);
        });
    }

    private static String disguise(String word, Random random) {
        String plain = java.text.Normalizer.normalize(word, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        StringBuilder s = new StringBuilder(plain);
        if (random.nextBoolean()) { // leetspeak inside the word
            for (int i = 1; i < s.length() - 1; i++) {
                char leet = switch (s.charAt(i)) {
                    case 'o' -> '0';
                    case 'a' -> random.nextBoolean() ? '4' : '@';
                    case 'e' -> '3';
                    case 'i' -> random.nextBoolean() ? '1' : '!';
                    case 'l' -> '|';
                    case 's' -> random.nextBoolean() ? '5' : '$';
                    case 't' -> '7';
                    default -> 0;
                };
                if (leet != 0 && random.nextInt(3) > 0) {
                    s.setCharAt(i, leet);
                }
            }
        }
        if (random.nextBoolean()) { // one letter stretched
            int i = random.nextInt(s.length());
            s.insert(i, String.valueOf(s.charAt(i)).repeat(2 + random.nextInt(4)));
        }
        if (random.nextBoolean()) { // separators between the letters
            String separator = List.of(".", "-", "_", "*", "~", " ").get(random.nextInt(6));
            s = new StringBuilder(String.join(separator, s.toString().split("")));
        }
        for (int i = 0; i < s.length(); i++) { // case changes
            if (random.nextBoolean()) {
                s.setCharAt(i, Character.toUpperCase(s.charAt(i)));
            }
        }
        return s.toString();
    }
}
