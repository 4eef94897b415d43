package app.vigie.intake.triage;

import java.util.Arrays;

/**
 * The words of a normalised message, read once: each with the forms lexicons compare it to, its span in the
 * original text, the evasions undone inside it and the sentence it belongs to. Links and addresses are left out.
 */
final class MessageTokens {

    final Normaliser.Normalised normalised;
    final int size;
    /** The word, then its i/l reading when a 1 or | was read as a letter, then the word without stretched letters. */
    final String[][] forms;
    /** For stretched words only: each form with every run of one letter written once (lexicon words likewise). */
    final String[][] skeletons;
    final int[] sourceStart;
    final int[] sourceEnd;
    final int[] flags;
    final int[] sentenceStart;
    final int[] sentenceEnd;

    private MessageTokens(Normaliser.Normalised normalised, int size, String[][] forms, String[][] skeletons,
                          int[] sourceStart, int[] sourceEnd, int[] flags, int[] sentenceStart, int[] sentenceEnd) {
        this.normalised = normalised;
        this.size = size;
        this.forms = forms;
        this.skeletons = skeletons;
        this.sourceStart = sourceStart;
        this.sourceEnd = sourceEnd;
        this.flags = flags;
        this.sentenceStart = sentenceStart;
        this.sentenceEnd = sentenceEnd;
    }

    static MessageTokens of(Normaliser.Normalised n) {
        String text = n.text();
        int capacity = 16;
        String[][] forms = new String[capacity][];
        String[][] skeletons = new String[capacity][];
        int[] sourceStart = new int[capacity];
        int[] sourceEnd = new int[capacity];
        int[] flags = new int[capacity];
        int[] sentence = new int[capacity];
        int count = 0;
        int currentSentence = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                if (isSentenceBreak(c) && (n.flags()[i] & Normaliser.PROTECTED) == 0) {
                    currentSentence++;
                }
                i++;
                continue;
            }
            int end = i;
            int f = 0;
            while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                f |= n.flags()[end];
                end++;
            }
            if ((f & Normaliser.PROTECTED) == 0) {
                if (count == forms.length) {
                    capacity = count * 2;
                    forms = Arrays.copyOf(forms, capacity);
                    skeletons = Arrays.copyOf(skeletons, capacity);
                    sourceStart = Arrays.copyOf(sourceStart, capacity);
                    sourceEnd = Arrays.copyOf(sourceEnd, capacity);
                    flags = Arrays.copyOf(flags, capacity);
                    sentence = Arrays.copyOf(sentence, capacity);
                }
                String word = text.substring(i, end);
                forms[count] = formsOf(word, n.flags(), i, f);
                skeletons[count] = (f & Normaliser.STRETCHED) != 0 ? skeletons(forms[count]) : null;
                sourceStart[count] = n.starts()[i];
                sourceEnd[count] = n.ends()[end - 1];
                flags[count] = f;
                sentence[count] = currentSentence;
                count++;
            }
            i = end;
        }
        int[] sentenceStart = new int[count];
        int[] sentenceEnd = new int[count];
        int from = 0;
        for (int t = 0; t <= count; t++) {
            if (t == count || sentence[t] != sentence[from]) {
                for (int u = from; u < t; u++) {
                    sentenceStart[u] = from;
                    sentenceEnd[u] = t;
                }
                from = t;
            }
        }
        return new MessageTokens(n, count, forms, skeletons, sourceStart, sourceEnd, flags, sentenceStart, sentenceEnd);
    }

    /** The matched words, lower-case and single-spaced, as allowed terms are compared. */
    String words(int from, int to) {
        if (to - from == 1) {
            return forms[from][0];
        }
        StringBuilder b = new StringBuilder();
        for (int t = from; t < to; t++) {
            if (t > from) {
                b.append(' ');
            }
            b.append(forms[t][0]);
        }
        return b.toString();
    }

    String form(int t) {
        return forms[t][0];
    }

    private static boolean isSentenceBreak(char c) {
        return c == '.' || c == '!' || c == '?' || c == ';' || c == '\n';
    }

    private static String[] formsOf(String word, int[] charFlags, int offset, int f) {
        if ((f & (Normaliser.AMBIGUOUS | Normaliser.STRETCHED | Normaliser.SPACED)) == 0) {
            return new String[] {word};
        }
        String[] forms = new String[4];
        int n = 0;
        forms[n++] = word;
        if ((f & Normaliser.AMBIGUOUS) != 0) {
            // A 1 or | may stand for i or l: every mix for up to three of them (1mbec11e), else all i or all l.
            int[] positions = new int[word.length()];
            int count = 0;
            for (int x = 0; x < word.length(); x++) {
                if ((charFlags[offset + x] & Normaliser.AMBIGUOUS) != 0) {
                    positions[count++] = x;
                }
            }
            int variants = count <= 3 ? (1 << count) - 1 : 1;
            forms = Arrays.copyOf(forms, 3 + variants);
            for (int mask = 1; mask <= variants; mask++) {
                char[] other = word.toCharArray();
                for (int k = 0; k < count; k++) {
                    if (count > 3 || (mask & (1 << k)) != 0) {
                        int x = positions[k];
                        other[x] = other[x] == 'i' ? 'l' : 'i';
                    }
                }
                forms[n++] = new String(other);
            }
        }
        if ((f & Normaliser.STRETCHED) != 0) {
            // "conniiiiiasse": the stretched letter may be the one that was added (connasse).
            StringBuilder without = new StringBuilder(word.length());
            for (int x = 0; x < word.length(); x++) {
                if ((charFlags[offset + x] & Normaliser.STRETCHED) == 0) {
                    without.append(word.charAt(x));
                }
            }
            if (without.length() >= 3) {
                forms[n++] = without.toString();
            }
        }
        if ((f & Normaliser.SPACED) != 0 && word.length() >= 5 && "aiuyoe".indexOf(word.charAt(0)) >= 0) {
            // "what a m o r o n": the spaced letters may have swallowed the one-letter word before them.
            forms = Arrays.copyOf(forms, n + 1);
            forms[n++] = word.substring(1);
        }
        return Arrays.copyOf(forms, n);
    }

    private static String[] skeletons(String[] forms) {
        String[] out = new String[forms.length];
        for (int k = 0; k < forms.length; k++) {
            out[k] = skeleton(forms[k]);
        }
        return out;
    }

    static String skeleton(String word) {
        StringBuilder b = new StringBuilder(word.length());
        for (int x = 0; x < word.length(); x++) {
            char c = word.charAt(x);
            if (x == 0 || c != word.charAt(x - 1)) {
                b.append(c);
            }
        }
        return b.toString();
    }
}
