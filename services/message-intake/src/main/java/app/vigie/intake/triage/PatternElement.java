package app.vigie.intake.triage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** One step of a lexicon pattern: a word, a choice between phrases, a gap of a few words, or the end of a sentence. */
sealed interface PatternElement permits PatternElement.Word, PatternElement.Choice, PatternElement.Gap,
        PatternElement.SentenceEnd {

    /**
     * A normalised word; a stem matches every word that starts with it ({@code connard*}). {@code id} is its
     * number in the lexicon's {@link Vocabulary}.
     */
    record Word(String text, boolean stem, boolean optional, int id) implements PatternElement {
        Word asOptional() {
            return new Word(text, stem, true, id);
        }
    }

    /** Plain phrases (words only) by the numbers of their successive words; a node that ends a phrase is marked. */
    final class PhraseTrie {
        private Map<Integer, PhraseTrie> building = new TreeMap<>();
        private int[] keys = new int[0];
        private PhraseTrie[] children = new PhraseTrie[0];
        boolean end;

        void add(List<PatternElement> phrase) {
            PhraseTrie node = this;
            for (PatternElement e : phrase) {
                node = node.building.computeIfAbsent(((Word) e).id(), k -> new PhraseTrie());
            }
            node.end = true;
        }

        PhraseTrie compact() {
            keys = building.keySet().stream().mapToInt(i -> i).toArray();
            children = building.values().toArray(new PhraseTrie[0]);
            building = null;
            for (PhraseTrie child : children) {
                child.compact();
            }
            return this;
        }

        PhraseTrie child(int id) {
            int at = java.util.Arrays.binarySearch(keys, id);
            return at < 0 ? null : children[at];
        }

        boolean isEmpty() {
            return keys.length == 0;
        }

        boolean isLeaf() {
            return keys.length == 0;
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
        // Filled by freeze(): plain phrases go into a word trie, options with stems or inner choices are indexed
        // by their first word, so that a set of two hundred phrases costs a few look-ups, not two hundred attempts.
        int[] singleWords = new int[0];
        PhraseTrie phrases = new PhraseTrie();
        WordIndex<List<PatternElement>> byFirstWord = new WordIndex<List<PatternElement>>().freeze();
        List<List<PatternElement>> unindexed = List.of();

        Choice(String name, List<List<PatternElement>> options, boolean optional) {
            this.name = name;
            this.options = options;
            this.optional = optional;
        }

        void freeze() {
            Set<Integer> single = new TreeSet<>();
            PhraseTrie trie = new PhraseTrie();
            WordIndex<List<PatternElement>> index = new WordIndex<>();
            List<List<PatternElement>> rest = new ArrayList<>();
            for (List<PatternElement> option : options) {
                PatternElement first = option.get(0);
                if (isPlainPhrase(option)) {
                    trie.add(option);
                    if (option.size() == 1) {
                        single.add(((Word) first).id());
                    }
                } else if (first instanceof Word w && !w.optional()) {
                    index.add(w, option);
                } else {
                    rest.add(option);
                }
            }
            singleWords = single.stream().mapToInt(i -> i).toArray();
            phrases = trie.compact();
            byFirstWord = index.freeze();
            unindexed = List.copyOf(rest);
        }

        private static boolean isPlainPhrase(List<PatternElement> option) {
            for (PatternElement e : option) {
                if (!(e instanceof Word w) || w.stem() || w.optional()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return name != null ? "@" + name : "{" + options.size() + " options}";
        }
    }
}
