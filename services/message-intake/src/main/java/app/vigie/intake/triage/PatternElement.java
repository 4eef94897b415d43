package app.vigie.intake.triage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** One step of a lexicon pattern: a word, a choice between phrases, a gap of a few words, or the end of a sentence. */
sealed interface PatternElement permits PatternElement.Word, PatternElement.Choice, PatternElement.Gap,
        PatternElement.SentenceEnd {

    /** A normalised word; a stem matches every word that starts with it ({@code connard*}). */
    record Word(String text, String skeleton, boolean stem, boolean optional) implements PatternElement {
        Word(String text, boolean stem, boolean optional) {
            this(text, MessageTokens.skeleton(text), stem, optional);
        }
    }

    /** Up to {@code max} words of the same sentence, never skipping a negation ("je ne vais pas te ..."). */
    record Gap(int max) implements PatternElement {
    }

    /** Matches where the sentence ends, so "ferme-la" can be told from "ferme la porte". */
    record SentenceEnd() implements PatternElement {
    }

    /**
     * One of several phrases: written inline as {@code {a|b c}} or referenced as a named set {@code @group}. Named
     * sets share their list of options, which is only complete once the whole lexicon file has been read.
     */
    final class Choice implements PatternElement {
        final String name;
        final List<List<PatternElement>> options;
        final boolean optional;
        final List<PatternElement> alone = List.of(this);
        // Filled by freeze(): one-word options are looked up in a set, the others by their first word, so that a
        // set of two hundred phrases costs a few look-ups instead of two hundred attempts.
        Set<String> words = Set.of();
        Set<String> wordSkeletons = Set.of();
        WordIndex<List<PatternElement>> byFirstWord = new WordIndex<>();
        List<List<PatternElement>> unindexed = List.of();

        Choice(String name, List<List<PatternElement>> options, boolean optional) {
            this.name = name;
            this.options = options;
            this.optional = optional;
        }

        void freeze() {
            Set<String> single = new HashSet<>();
            Set<String> skeletons = new HashSet<>();
            WordIndex<List<PatternElement>> index = new WordIndex<>();
            List<List<PatternElement>> rest = new ArrayList<>();
            for (List<PatternElement> option : options) {
                PatternElement first = option.get(0);
                if (option.size() == 1 && first instanceof Word w && !w.stem() && !w.optional()) {
                    single.add(w.text());
                    if (w.skeleton().length() >= Lexicon.MIN_SKELETON) {
                        skeletons.add(w.skeleton());
                    }
                } else if (first instanceof Word w && !w.optional()) {
                    index.add(w, option);
                } else {
                    rest.add(option);
                }
            }
            words = Set.copyOf(single);
            wordSkeletons = Set.copyOf(skeletons);
            byFirstWord = index;
            unindexed = List.copyOf(rest);
        }

        @Override
        public String toString() {
            return name != null ? "@" + name : "{" + options.size() + " options}";
        }
    }
}
