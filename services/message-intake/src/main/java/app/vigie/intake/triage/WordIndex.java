package app.vigie.intake.triage;

import app.vigie.intake.triage.PatternElement.Word;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Values keyed by the number of a pattern word (see {@link Vocabulary}), found from the numbers of a message's
 * word: how rules, and the options of large sets, are found without trying them one by one.
 */
final class WordIndex<T> {

    private Map<Integer, List<T>> building = new TreeMap<>();
    private int[] keys = Vocabulary.NONE;
    private Object[] values = new Object[0];

    void add(Word w, T value) {
        List<T> list = building.computeIfAbsent(w.id(), k -> new ArrayList<>(1));
        if (!list.contains(value)) {
            list.add(value);
        }
    }

    /** Compacts the index into sorted arrays; nothing can be added afterwards. */
    WordIndex<T> freeze() {
        keys = building.keySet().stream().mapToInt(i -> i).toArray();
        values = building.values().stream().map(List::copyOf).toArray();
        building = null;
        return this;
    }

    boolean isEmpty() {
        return keys.length == 0;
    }

    /** Adds to {@code out} (once each, creating it if null) the values of the given word numbers. */
    @SuppressWarnings("unchecked")
    List<T> collect(int[] ids, List<T> out) {
        if (out == null && ids.length == 1) {
            int at = Arrays.binarySearch(keys, ids[0]);
            return at < 0 ? null : (List<T>) values[at]; // already unique; callers only read it
        }
        for (int id : ids) {
            int at = Arrays.binarySearch(keys, id);
            if (at < 0) {
                continue;
            }
            for (T v : (List<T>) values[at]) {
                if (out == null) {
                    out = new ArrayList<>(4);
                }
                if (!containsSame(out, v)) {
                    out.add(v);
                }
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
}
