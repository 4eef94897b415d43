package app.vigie.intake.triage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every word and stem a lexicon mentions, numbered. A message's word is looked up here once; from then on the
 * patterns compare numbers, which keeps reading a message to a few look-ups per word in compact arrays.
 */
final class Vocabulary {

    static final int[] NONE = new int[0];

    private final Map<String, Integer> words = new HashMap<>();
    private final Map<String, List<Integer>> skeletonsBuilder = new HashMap<>();
    private Map<String, int[]> wordsBySkeleton = Map.of();
    private final StemTrie stems = new StemTrie();
    private final StemTrie stemSkeletons = new StemTrie();
    private int next;

    /** The number of a written word (created on first use). */
    int word(String text) {
        Integer id = words.get(text);
        if (id == null) {
            id = next++;
            words.put(text, id);
            String skeleton = MessageTokens.skeleton(text);
            if (skeleton.length() >= Lexicon.MIN_SKELETON) {
                skeletonsBuilder.computeIfAbsent(skeleton, k -> new ArrayList<>(1)).add(id);
            }
        }
        return id;
    }

    /** The number of a stem, distinct from the number of the same letters as a whole word. */
    int stem(String text) {
        int id = stems.find(text);
        if (id < 0) {
            id = next++;
            stems.add(text, id);
            String skeleton = MessageTokens.skeleton(text);
            if (skeleton.length() >= Lexicon.MIN_SKELETON) {
                stemSkeletons.add(skeleton, id);
            }
        }
        return id;
    }

    void freeze() {
        Map<String, int[]> bySkeleton = new HashMap<>();
        skeletonsBuilder.forEach((skeleton, ids) -> bySkeleton.put(skeleton, ids.stream().mapToInt(i -> i).toArray()));
        wordsBySkeleton = bySkeleton;
    }

    /**
     * The sorted numbers of every lexicon word or stem that token {@code t} matches: its forms (i/l readings,
     * without stretched letters) as words or behind a stem, and for stretched words their skeletons.
     */
    int[] idsOf(MessageTokens tokens, int t) {
        int[] ids = null;
        int n = 0;
        for (String form : tokens.forms[t]) {
            Integer id = words.get(form);
            if (id != null) {
                ids = grow(ids, n);
                ids[n++] = id;
            }
            int[] found = stems.prefixesOf(form);
            for (int s : found) {
                ids = grow(ids, n);
                ids[n++] = s;
            }
        }
        String[] skeletons = tokens.skeletons[t];
        if (skeletons != null) {
            for (String skeleton : skeletons) {
                for (int s : wordsBySkeleton.getOrDefault(skeleton, NONE)) {
                    ids = grow(ids, n);
                    ids[n++] = s;
                }
                for (int s : stemSkeletons.prefixesOf(skeleton)) {
                    ids = grow(ids, n);
                    ids[n++] = s;
                }
            }
        }
        if (n == 0) {
            return NONE;
        }
        for (int i = 1; i < n; i++) { // a handful of numbers: insertion sort
            int v = ids[i];
            int j = i - 1;
            while (j >= 0 && ids[j] > v) {
                ids[j + 1] = ids[j];
                j--;
            }
            ids[j + 1] = v;
        }
        int unique = 1;
        for (int i = 1; i < n; i++) {
            if (ids[i] != ids[unique - 1]) {
                ids[unique++] = ids[i];
            }
        }
        return Arrays.copyOf(ids, unique);
    }

    static boolean contains(int[] sortedIds, int id) {
        for (int v : sortedIds) {
            if (v >= id) {
                return v == id;
            }
        }
        return false;
    }

    private static int[] grow(int[] ids, int n) {
        if (ids == null) {
            return new int[4];
        }
        return n < ids.length ? ids : Arrays.copyOf(ids, n * 2);
    }

    /** Stems by their letters; walking a word yields every stem it starts with. */
    private static final class StemTrie {
        private char[] keys = new char[0];
        private StemTrie[] children = new StemTrie[0];
        private StemTrie[] ascii; // direct access for nodes with many children (the first letters)
        private int id = -1;

        void add(String stem, int value) {
            StemTrie node = this;
            for (int i = 0; i < stem.length(); i++) {
                StemTrie child = node.child(stem.charAt(i));
                if (child == null) {
                    child = new StemTrie();
                    node.keys = Arrays.copyOf(node.keys, node.keys.length + 1);
                    node.children = Arrays.copyOf(node.children, node.children.length + 1);
                    node.keys[node.keys.length - 1] = stem.charAt(i);
                    node.children[node.children.length - 1] = child;
                    if (node.keys.length > 6) {
                        node.ascii = new StemTrie[128];
                        for (int k = 0; k < node.keys.length; k++) {
                            if (node.keys[k] < 128) {
                                node.ascii[node.keys[k]] = node.children[k];
                            }
                        }
                    }
                }
                node = child;
            }
            node.id = value;
        }

        int find(String stem) {
            StemTrie node = this;
            for (int i = 0; i < stem.length() && node != null; i++) {
                node = node.child(stem.charAt(i));
            }
            return node == null ? -1 : node.id;
        }

        int[] prefixesOf(String word) {
            int[] found = NONE;
            StemTrie node = this;
            for (int i = 0; i < word.length(); i++) {
                node = node.child(word.charAt(i));
                if (node == null) {
                    break;
                }
                if (node.id >= 0) {
                    found = Arrays.copyOf(found, found.length + 1);
                    found[found.length - 1] = node.id;
                }
            }
            return found;
        }

        StemTrie child(char c) {
            if (ascii != null && c < 128) {
                return ascii[c];
            }
            char[] k = keys;
            for (int i = 0; i < k.length; i++) {
                if (k[i] == c) {
                    return children[i];
                }
            }
            return null;
        }
    }
}
