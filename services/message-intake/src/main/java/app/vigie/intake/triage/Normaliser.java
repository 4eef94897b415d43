package app.vigie.intake.triage;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Rewrites a message into the plain form lexicons are written in (lower case, no accents, no emoji, evasions
 * undone) while remembering, for every character it produces, which range of the original text it stands for.
 *
 * <p>Idempotent by construction: every step only produces characters that the same step leaves alone.
 */
final class Normaliser {

    // Per-character flags: which evasion had to be undone (they become evasion.* signals) and what is not a word.
    static final int LEET = 1;
    static final int JOINED = 1 << 1;
    static final int STRETCHED = 1 << 2;
    static final int HOMOGLYPH = 1 << 3;
    static final int INVISIBLE = 1 << 4;
    static final int PROTECTED = 1 << 5;
    static final int AMBIGUOUS = 1 << 6;
    static final int SPACED = 1 << 7;      // joined from letters separated by spaces

    /**
     * The normalised text; {@code starts[i]..ends[i]} is the range of {@code source} that character {@code i}
     * of {@code text} comes from (several source characters when letters were joined or collapsed). Links and
     * e-mail addresses found on the way are given with their ranges in {@code source}.
     */
    record Normalised(String source, String text, int[] starts, int[] ends, int[] flags,
                      List<WebAddresses.Found> links, List<WebAddresses.Found> emails) {
    }

    // Separators that people slip between the letters of a word to dodge filters: c.o.n, c-o-n, c_o_n, c*o*n.
    private static final String JOIN_SEPARATORS = ".-_*~+/\\^:·•";
    private static final String LEET_SYMBOLS = "@$!|";
    private static final int MAX_SEGMENTS = 256;
    private static final int JOIN_BY_SEPARATOR = 1;
    private static final int JOIN_BY_SPACE = 2;

    // Folding of every BMP character (null = unchanged); built once, about 60 ms.
    private static final String[] FOLDED = foldTable();
    // The same for the characters that fold to exactly one character, already classified: the fast path.
    private static final char[] SINGLE = singleTable();

    private Normaliser() {
    }

    static Normalised normalise(String source) {
        Buffer folded = fold(source);
        // Links and addresses are found on the folded text, the one that the next normalisation would see, so
        // that an invisible character or a styled letter next to a link cannot change the verdict.
        String plain = new String(folded.chars, 0, folded.size);
        List<WebAddresses.Found> links = WebAddresses.links(plain);
        List<WebAddresses.Found> emails = WebAddresses.emails(plain);
        protect(folded, links);
        protect(folded, emails);
        Buffer out = new Buffer(folded.size + 4);
        int i = 0;
        while (i < folded.size) {
            if (isWordChar(folded, i)) {
                i = rewriteWords(folded, i, out);
            } else {
                out.addCollapsingSpace(folded.chars[i], folded.starts[i], folded.ends[i], folded.flags[i]);
                i++;
            }
        }
        out.trimTrailingSpace();
        return new Normalised(source, new String(out.chars, 0, out.size), Arrays.copyOf(out.starts, out.size),
                Arrays.copyOf(out.ends, out.size), Arrays.copyOf(out.flags, out.size), inSource(folded, links),
                inSource(folded, emails));
    }

    private static void protect(Buffer b, List<WebAddresses.Found> found) {
        for (WebAddresses.Found f : found) {
            for (int i = f.start(); i < f.end(); i++) {
                b.flags[i] |= PROTECTED;
            }
        }
    }

    private static List<WebAddresses.Found> inSource(Buffer b, List<WebAddresses.Found> found) {
        if (found.isEmpty()) {
            return List.of();
        }
        List<WebAddresses.Found> mapped = new ArrayList<>(found.size());
        for (WebAddresses.Found f : found) {
            mapped.add(new WebAddresses.Found(b.starts[f.start()], b.ends[f.end() - 1], f.host()));
        }
        return List.copyOf(mapped);
    }

    // ---- step 1: characters (case, accents, compatibility forms, emoji, invisible characters, white space)

    private static Buffer fold(String source) {
        Buffer b = new Buffer(source.length() + 16);
        int pending = 0;
        for (int i = 0; i < source.length(); ) {
            int cp = source.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.getType(cp) == Character.FORMAT) {
                // Zero-width spaces, joiners, soft hyphens: invisible, so only ever there to split a word.
                pending = INVISIBLE;
                i = next;
                continue;
            }
            char single = cp < 0x10000 ? SINGLE[cp] : 0;
            if (single != 0) {
                b.add(single, i, next, pending);
                pending = 0;
                i = next;
                continue;
            }
            String folded = cp < 0x10000 ? FOLDED[cp] : computeFold(cp);
            if (folded == null) {
                b.add(classify((char) cp), i, next, pending);
            } else if (folded.isEmpty()) {
                if (b.size > 0) {
                    b.ends[b.size - 1] = next; // a lone combining accent belongs to the letter before it
                }
            } else {
                for (int k = 0; k < folded.length(); k++) {
                    b.add(classify(folded.charAt(k)), i, next, pending);
                }
            }
            pending = 0;
            i = next;
        }
        return b;
    }

    private static char classify(char c) {
        if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
            return '\n';
        }
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return ' ';
        }
        return switch (Character.getType(c)) {
            // Emoji and pictographs (surrogates of characters that folded to nothing readable) separate words.
            case Character.OTHER_SYMBOL, Character.SURROGATE, Character.PRIVATE_USE, Character.CONTROL,
                 Character.UNASSIGNED, Character.FORMAT -> ' ';
            default -> c;
        };
    }

    private static char[] singleTable() {
        char[] table = new char[0x10000];
        for (int c = 1; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c) || Character.getType(c) == Character.FORMAT) {
                continue;
            }
            String f = FOLDED[c];
            if (f == null) {
                table[c] = classify((char) c);
            } else if (f.length() == 1) {
                table[c] = classify(f.charAt(0));
            }
        }
        return table;
    }

    private static String[] foldTable() {
        String[] table = new String[0x10000];
        for (int c = 0; c < 0x10000; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            String f = computeFold(c);
            if (!(f.length() == 1 && f.charAt(0) == c)) {
                table[c] = f;
            }
        }
        // Close the table so that folding what it produced changes nothing (idempotence).
        for (int round = 0; round < 3; round++) {
            for (int c = 0; c < 0x10000; c++) {
                String f = table[c];
                if (f == null) {
                    continue;
                }
                StringBuilder again = new StringBuilder(f.length());
                for (int k = 0; k < f.length(); k++) {
                    char ch = f.charAt(k);
                    again.append(table[ch] == null ? String.valueOf(ch) : table[ch]);
                }
                table[c] = again.toString();
            }
        }
        return table;
    }

    private static String computeFold(int cp) {
        String s = Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKD);
        s = Normalizer.normalize(s.toLowerCase(Locale.ROOT), Normalizer.Form.NFKD);
        StringBuilder b = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            int type = Character.getType(ch);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                continue;
            }
            b.append(switch (ch) {
                case 'ß' -> "ss";
                case 'æ' -> "ae";
                case 'œ' -> "oe";
                case 'ø' -> "o";
                case 'đ', 'ð' -> "d";
                case 'ł' -> "l";
                case 'ı' -> "i";
                case 'ħ' -> "h";
                case 'ŧ' -> "t";
                case 'þ' -> "th";
                case '\u2018', '\u2019', '\u201B', '\u2032', '\u02BC', '\u02B9', '`' -> "'";
                case '\u201C', '\u201D', '\u201E', '\u2033' -> "\"";
                case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> "-";
                default -> String.valueOf(ch);
            });
        }
        return b.toString();
    }

    // ---- step 2: words (separators inside words, homoglyphs, leetspeak, stretched letters)

    private static boolean isWordChar(Buffer b, int i) {
        if ((b.flags[i] & PROTECTED) != 0) {
            return false;
        }
        char c = b.chars[i];
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '@' || c == '$' || c == '!' || c == '|';
        }
        return Character.isLetterOrDigit(c);
    }

    /**
     * The common case, nothing to undo: lower-case ASCII letters only (no digit, symbol or look-alike) and no
     * letter three times in a row.
     */
    private static boolean isPlainWord(Buffer in, int[] indexes) {
        char previous = 0;
        int run = 0;
        for (int x : indexes) {
            char c = in.chars[x];
            if (c < 'a' || c > 'z') {
                return false;
            }
            run = c == previous ? run + 1 : 1;
            if (run >= 3) {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Reads the run of words starting at {@code i}, joins the ones spelled letter by letter, writes them out. */
    private static int rewriteWords(Buffer in, int i, Buffer out) {
        int[] segStart = new int[8];
        int[] segEnd = new int[8];
        int[] gapAfter = new int[8];
        int count = 0;
        int j = i;
        while (true) {
            int end = j;
            while (end < in.size && isWordChar(in, end)) {
                end++;
            }
            if (count == segStart.length) {
                segStart = Arrays.copyOf(segStart, count * 2);
                segEnd = Arrays.copyOf(segEnd, count * 2);
                gapAfter = Arrays.copyOf(gapAfter, count * 2);
            }
            segStart[count] = j;
            segEnd[count] = end;
            gapAfter[count] = 0;
            count++;
            if (count >= MAX_SEGMENTS || end >= in.size) {
                break;
            }
            char g = in.chars[end];
            if ((in.flags[end] & PROTECTED) == 0 && JOIN_SEPARATORS.indexOf(g) >= 0
                    && end + 1 < in.size && isWordChar(in, end + 1)) {
                gapAfter[count - 1] = JOIN_BY_SEPARATOR;
                j = end + 1;
                continue;
            }
            if (g == ' ') {
                int k = end;
                while (k < in.size && in.chars[k] == ' ' && (in.flags[k] & PROTECTED) == 0) {
                    k++;
                }
                if (k < in.size && isWordChar(in, k)) {
                    gapAfter[count - 1] = JOIN_BY_SPACE;
                    j = k;
                    continue;
                }
            }
            break;
        }

        int k = 0;
        while (k < count) {
            int last = joinedGroupEnd(in, segStart, segEnd, gapAfter, count, k);
            if (last > k) {
                int length = 0;
                for (int s = k; s <= last; s++) {
                    length += segEnd[s] - segStart[s];
                }
                int[] indexes = new int[length];
                int n = 0;
                for (int s = k; s <= last; s++) {
                    for (int x = segStart[s]; x < segEnd[s]; x++) {
                        indexes[n++] = x;
                    }
                }
                int spaced = gapAfter[k] == JOIN_BY_SPACE ? SPACED : 0;
                rewriteWord(in, indexes, JOINED | spaced, out);
            } else {
                last = k;
                int[] indexes = new int[segEnd[k] - segStart[k]];
                for (int x = 0; x < indexes.length; x++) {
                    indexes[x] = segStart[k] + x;
                }
                rewriteWord(in, indexes, 0, out);
            }
            if (last + 1 < count) {
                for (int x = segEnd[last]; x < segStart[last + 1]; x++) {
                    out.addCollapsingSpace(in.chars[x], in.starts[x], in.ends[x], in.flags[x]);
                }
            }
            k = last + 1;
        }
        return segEnd[count - 1];
    }

    /**
     * Index of the last segment of a word spelled with separators starting at segment {@code k}, or -1:
     * at least three one-letter pieces joined by single separators (c.o.n.n.a.r.d, optionally with one longer
     * piece at either end: f.u.c.k.ing), or at least four one-letter pieces separated by spaces (c o n n a r d).
     */
    private static int joinedGroupEnd(Buffer in, int[] segStart, int[] segEnd, int[] gapAfter, int count, int k) {
        int first = k;
        if (!isSinglePiece(in, segStart[k], segEnd[k])) {
            // A longer piece can only open a group of separated single letters.
            if (gapAfter[k] != JOIN_BY_SEPARATOR || k + 1 >= count || !hasLetter(in, segStart[k], segEnd[k])) {
                return -1;
            }
            first = k + 1;
        }
        int bySeparator = singleRunEnd(in, segStart, segEnd, gapAfter, count, first, JOIN_BY_SEPARATOR, 3, 2);
        if (bySeparator >= 0) {
            int last = bySeparator;
            if (last + 1 < count && gapAfter[last] == JOIN_BY_SEPARATOR
                    && !isSinglePiece(in, segStart[last + 1], segEnd[last + 1])
                    && hasLetter(in, segStart[last + 1], segEnd[last + 1])) {
                last++;
            }
            return last;
        }
        if (first != k) {
            return -1;
        }
        return singleRunEnd(in, segStart, segEnd, gapAfter, count, k, JOIN_BY_SPACE, 4, 3);
    }

    private static int singleRunEnd(Buffer in, int[] segStart, int[] segEnd, int[] gapAfter, int count, int from,
                                    int gap, int minPieces, int minLetters) {
        int pieces = 0;
        int letters = 0;
        int last = -1;
        int s = from;
        while (s < count && isSinglePiece(in, segStart[s], segEnd[s])) {
            pieces++;
            if (Character.isLetter(in.chars[segStart[s]])) {
                letters++;
            }
            last = s;
            if (gapAfter[s] != gap) {
                break;
            }
            s++;
        }
        return pieces >= minPieces && letters >= minLetters ? last : -1;
    }

    /**
     * A piece that the word rewriting turns into a single letter: one letter or leet character, or one letter
     * stretched or disguised (c.oooo.n and c.o0o.n read as c.o.n). Deciding on the rewritten piece keeps the
     * normalisation idempotent.
     */
    private static boolean isSinglePiece(Buffer in, int start, int end) {
        int length = end - start;
        char c = in.chars[start];
        if (length == 1) {
            return Character.isLetter(c) || leet(c) != 0;
        }
        if (length < 3) {
            return false;
        }
        if (c == 'x' || c == 'w') {
            return false; // a piece that is only x's or w's is kept whole ("xxx"), so it is never a single letter
        }
        char letter = 0;
        for (int x = start; x < end; x++) {
            char ch = in.chars[x];
            if (Character.isLetter(ch)) {
                char plain = homoglyph(ch) != 0 ? homoglyph(ch) : ch;
                if (letter != 0 && plain != letter) {
                    return false;
                }
                letter = plain;
            } else if (leet(ch) == 0) {
                return false;
            }
        }
        if (letter == 0) {
            return false;
        }
        char[] w = Arrays.copyOfRange(in.chars, start, end);
        int[] flags = new int[length];
        undoLeet(w, flags, false);
        undoHomoglyphs(w, flags);
        for (char ch : w) {
            if (ch != w[0] || !Character.isLetter(ch) || ch == 'x' || ch == 'w') { // see above
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(Buffer in, int start, int end) {
        for (int x = start; x < end; x++) {
            if (Character.isLetter(in.chars[x])) {
                return true;
            }
        }
        return false;
    }

    private static void rewriteWord(Buffer in, int[] indexes, int extraFlags, Buffer out) {
        if (extraFlags == 0 && isPlainWord(in, indexes)) {
            for (int x : indexes) {
                out.add(in.chars[x], in.starts[x], in.ends[x], in.flags[x]);
            }
            return;
        }
        int m = indexes.length;
        char[] w = new char[m];
        int[] flags = new int[m];
        for (int x = 0; x < m; x++) {
            w[x] = in.chars[indexes[x]];
            flags[x] = in.flags[indexes[x]] | extraFlags;
        }
        // Right after a link, a symbol is punctuation ("bit.ly/x@you"): reading it as a letter would glue a word
        // to the link and change what the link detector sees next time.
        boolean afterLink = indexes[0] > 0 && (in.flags[indexes[0] - 1] & PROTECTED) != 0;
        undoLeet(w, flags, afterLink);
        undoHomoglyphs(w, flags);
        // Stretched letters: a run of three or more of the same letter is one letter (conniiiiiasse -> conniasse).
        int x = 0;
        while (x < m) {
            int run = x + 1;
            while (run < m && w[run] == w[x]) {
                run++;
            }
            boolean wholeWordOfXOrW = (w[x] == 'x' || w[x] == 'w') && x == 0 && run == m; // "xxx", "www" are words
            if (run - x >= 3 && Character.isLetter(w[x]) && !wholeWordOfXOrW) {
                int f = STRETCHED;
                for (int y = x; y < run; y++) {
                    f |= flags[y];
                }
                out.add(w[x], in.starts[indexes[x]], in.ends[indexes[run - 1]], f);
            } else {
                for (int y = x; y < run; y++) {
                    out.add(w[y], in.starts[indexes[y]], in.ends[indexes[y]], flags[y]);
                }
            }
            x = run;
        }
    }

    /**
     * Reads digits and symbols as letters only where a word is being disguised: between letters (c0nn4rd, id1ot),
     * symbols opening a word ($hit, @ss), and digits at the edges of a word already disguised inside (5al0pe).
     * Order numbers, prices and names such as mp3 or covid19 stay as they are.
     */
    private static void undoLeet(char[] w, int[] flags, boolean keepLeadingSymbols) {
        int firstLetter = -1;
        int lastLetter = -1;
        for (int x = 0; x < w.length; x++) {
            if (Character.isLetter(w[x])) {
                if (firstLetter < 0) {
                    firstLetter = x;
                }
                lastLetter = x;
            }
        }
        if (firstLetter < 0) {
            return;
        }
        boolean disguised = false;
        for (int x = firstLetter + 1; x < lastLetter; x++) {
            if (!Character.isLetter(w[x]) && leet(w[x]) != 0) {
                convert(w, flags, x);
                disguised = true;
            }
        }
        for (int x = firstLetter - 1; x >= 0; x--) {
            boolean symbol = LEET_SYMBOLS.indexOf(w[x]) >= 0;
            if (leet(w[x]) == 0 || !(symbol || disguised) || symbol && keepLeadingSymbols) {
                break;
            }
            convert(w, flags, x);
        }
        if (disguised) {
            for (int x = lastLetter + 1; x < w.length; x++) {
                if (leet(w[x]) == 0 || LEET_SYMBOLS.indexOf(w[x]) >= 0) {
                    break;
                }
                convert(w, flags, x);
            }
        }
    }

    private static void convert(char[] w, int[] flags, int x) {
        char original = w[x];
        w[x] = leet(original);
        flags[x] |= LEET;
        if (original == '1' || original == '|' || original == '!') {
            flags[x] |= AMBIGUOUS;
        }
    }

    private static char leet(char c) {
        return switch (c) {
            case '0' -> 'o';
            case '1', '!' -> 'i';
            case '3' -> 'e';
            case '4', '@' -> 'a';
            case '5', '$' -> 's';
            case '7' -> 't';
            case '8' -> 'b';
            case '9' -> 'g';
            case '|' -> 'l';
            default -> 0;
        };
    }

    /** Cyrillic or Greek look-alikes are only swapped inside words that also have Latin letters (сonnard). */
    private static void undoHomoglyphs(char[] w, int[] flags) {
        boolean latin = false;
        boolean lookalike = false;
        for (char c : w) {
            if (c >= 'a' && c <= 'z') {
                latin = true;
            } else if (homoglyph(c) != 0) {
                lookalike = true;
            }
        }
        if (latin && lookalike) {
            for (int x = 0; x < w.length; x++) {
                char h = homoglyph(w[x]);
                if (h != 0) {
                    w[x] = h;
                    flags[x] |= HOMOGLYPH;
                }
            }
        }
    }

    private static char homoglyph(char c) {
        if (c < 0x0261) {
            return 0; // Latin: the look-alikes are Greek, Cyrillic and one IPA letter
        }
        return switch (c) {
            case 'а', 'α' -> 'a';
            case 'е', 'ε' -> 'e';
            case 'о', 'ο', 'σ' -> 'o';
            case 'р', 'ρ' -> 'p';
            case 'с', 'ϲ' -> 'c';
            case 'у', 'γ' -> 'y';
            case 'х', 'χ' -> 'x';
            case 'і', 'ι' -> 'i';
            case 'ј' -> 'j';
            case 'ѕ' -> 's';
            case 'ԁ' -> 'd';
            case 'һ' -> 'h';
            case 'ӏ' -> 'l';
            case 'ԛ' -> 'q';
            case 'ԝ' -> 'w';
            case 'ν' -> 'v';
            case 'κ', 'к' -> 'k';
            case 'τ', 'т' -> 't';
            case 'υ' -> 'u';
            case 'ɡ' -> 'g';
            default -> 0;
        };
    }

    /** Growable parallel arrays: a character and the original range it comes from. */
    private static final class Buffer {
        char[] chars;
        int[] starts;
        int[] ends;
        int[] flags;
        int size;

        Buffer(int capacity) {
            chars = new char[capacity];
            starts = new int[capacity];
            ends = new int[capacity];
            flags = new int[capacity];
        }

        void add(char c, int start, int end, int flag) {
            if (size == chars.length) {
                int capacity = size * 2 + 8;
                chars = Arrays.copyOf(chars, capacity);
                starts = Arrays.copyOf(starts, capacity);
                ends = Arrays.copyOf(ends, capacity);
                flags = Arrays.copyOf(flags, capacity);
            }
            chars[size] = c;
            starts[size] = start;
            ends[size] = end;
            flags[size] = flag;
            size++;
        }

        /** White space never opens the text and never repeats; a run with a line break becomes that line break. */
        void addCollapsingSpace(char c, int start, int end, int flag) {
            if (c != ' ' && c != '\n') {
                add(c, start, end, flag);
                return;
            }
            if (size == 0) {
                return;
            }
            char last = chars[size - 1];
            if (last == ' ' || last == '\n') {
                if (c == '\n') {
                    chars[size - 1] = '\n';
                }
                ends[size - 1] = end;
                return;
            }
            add(c, start, end, flag);
        }

        void trimTrailingSpace() {
            while (size > 0 && (chars[size - 1] == ' ' || chars[size - 1] == '\n')) {
                size--;
            }
        }
    }
}
