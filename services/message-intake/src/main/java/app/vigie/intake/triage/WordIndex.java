package app.vigie.intake.triage;

import app.vigie.intake.triage.PatternElement.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Values keyed by a pattern word (exact or stem), looked up with the forms of a message's word: how rules, and
 * the options of large sets, are found without trying them one by one.
 */
final class WordIndex<T> {

    private final Map<String, List<T>> words = new HashMap<>();
    private final Map<String, List<T>> wordSkeletons = new HashMap<>();
    private final Trie<T> stems = new Trie<>();
    private final Trie<T> stemSkeletons = new Trie<>();
    private boolean empty = true;

    void add(Word w, T value) {
        empty = false;
        if (w.stem()) {
            stems.add(w.text(), value);
            if (w.skeleton().length() >= Lexicon.MIN_SKELETON) {
                stemSkeletons.add(w.skeleton(), value);
            }
        } else {
            addTo(words, w.text(), value);
            if (w.skeleton().length() >= Lexicon.MIN_SKELETON) {
                addTo(wordSkeletons, w.skeleton(), value);
            }
        }
    }

    boolean isEmpty() {
        return empty;
    }

    /** Adds to {@code out} (once each) the values whose word matches token {@code t}; returns {@code out}. */
    List<T> collect(MessageTokens tokens, int t, List<T> out) {
        if (empty) {
            return out;
        }
        for (String form : tokens.forms[t]) {
            out = addAll(words.get(form), out);
            out = stems.collectPrefixesOf(form, out);
        }
        String[] skeletons = tokens.skeletons[t];
        if (skeletons != null) {
            for (String skeleton : skeletons) {
                out = addAll(wordSkeletons.get(skeleton), out);
                out = stemSkeletons.collectPrefixesOf(skeleton, out);
            }
        }
        return out;
    }

    private static <T> void addTo(Map<String, List<T>> map, String key, T value) {
        List<T> list = map.computeIfAbsent(key, k -> new ArrayList<>(1));
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** Null stands for an empty list, so that the common case (no match) allocates nothing. */
    private static <T> List<T> addAll(List<T> values, List<T> out) {
        if (values == null) {
            return out;
        }
        for (T v : values) {
            if (out == null) {
                out = new ArrayList<>(4);
            }
            if (!containsSame(out, v)) {
                out.add(v);
            }
        }
        return out;
    }

    private static <T> boolean containsSame(List<T> list, T value) {
        for (T v : list) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    /** Stems by their letters: walking a word collects every stem it starts with. */
    private static final class Trie<T> {
        private char[] keys = new char[0];
        private Object[] children = new Object[0];
        private List<T> values;

        void add(String word, T value) {
            Trie<T> node = this;
            for (int i = 0; i < word.length(); i++) {
                node = node.childOrNew(word.charAt(i));
            }
            if (node.values == null) {
                node.values = new ArrayList<>(1);
            }
            if (!node.values.contains(value)) {
                node.values.add(value);
            }
        }

        List<T> collectPrefixesOf(String word, List<T> out) {
            Trie<T> node = this;
            for (int i = 0; i < word.length() && node != null; i++) {
                node = node.child(word.charAt(i));
                if (node != null && node.values != null) {
                    out = addAll(node.values, out);
                }
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        private Trie<T> child(char c) {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == c) {
                    return (Trie<T>) children[i];
                }
            }
            return null;
        }

        private Trie<T> childOrNew(char c) {
            Trie<T> existing = child(c);
            if (existing != null) {
                return existing;
            }
            Trie<T> created = new Trie<>();
            keys = Arrays.copyOf(keys, keys.length + 1);
            children = Arrays.copyOf(children, children.length + 1);
            keys[keys.length - 1] = c;
            children[children.length - 1] = created;
            return created;
        }
    }
}
