package app.vigie.intake.triage;

import app.vigie.contracts.community.Category;
import app.vigie.intake.triage.PatternElement.Choice;
import app.vigie.intake.triage.PatternElement.Gap;
import app.vigie.intake.triage.PatternElement.SentenceEnd;
import app.vigie.intake.triage.PatternElement.Word;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A language's rules compiled from a lexicon file (format in {@code docs/triage.md}), indexed by the words they
 * start with: reading a message costs one vocabulary look-up per word, then comparisons of word numbers, whatever
 * the size of the lexicon.
 */
final class Lexicon {

    /** Shorter stems or skeletons match too many unrelated words (ass* would match assassin). */
    static final int MIN_SKELETON = 4;
    static final int MIN_STEM = 4;

    // Sets the engine itself uses; see docs/triage.md.
    private static final String YOU = "you";
    private static final String PERSON = "person";
    private static final String INTENSIFIER = "intensifier";
    private static final String NEGATION = "negation";

    /** One line of a lexicon: what to look for and what finding it means. */
    static final class Rule {
        final String name;
        final Category category;
        final int weight;
        final boolean safe;
        final List<List<PatternElement>> parts;
        final boolean aimed;
        final boolean addressed;
        final Choice unless;
        final String origin;
        final boolean marksAddress;

        Rule(String name, Category category, int weight, boolean safe, List<List<PatternElement>> parts,
             boolean aimed, boolean addressed, Choice unless, String origin, boolean marksAddress) {
            this.name = name;
            this.category = category;
            this.weight = weight;
            this.safe = safe;
            this.parts = parts;
            this.aimed = aimed;
            this.addressed = addressed;
            this.unless = unless;
            this.origin = origin;
            this.marksAddress = marksAddress;
        }

        @Override
        public String toString() {
            return name + " (" + origin + ")";
        }
    }

    /**
     * A rule found in a message: words {@code first} to {@code end} (exclusive), which are characters
     * {@code start} to {@code stop} (exclusive) of the original text.
     */
    record Found(Rule rule, int first, int end, int start, int stop) {
    }

    private final List<Rule> rules;
    private final WordIndex<Rule> index = new WordIndex<>();
    private final WordIndex<Rule> markers = new WordIndex<>();
    private final Choice intensifiers;
    private final Choice persons;
    private final Choice negations;
    /** Every word and stem the lexicon mentions, numbered: a message word is looked up there once. */
    private final Vocabulary vocabulary;

    private Lexicon(Vocabulary vocabulary, List<Rule> rules, List<Rule> markerRules, Choice intensifiers,
                    Choice persons, Choice negations) {
        this.vocabulary = vocabulary;
        vocabulary.freeze();
        this.rules = List.copyOf(rules);
        this.intensifiers = intensifiers;
        this.persons = persons;
        this.negations = negations;
        for (Rule rule : this.rules) {
            for (Word w : firstWords(rule)) {
                index.add(w, rule);
            }
        }
        for (Rule rule : markerRules) {
            for (Word w : firstWords(rule)) {
                markers.add(w, rule);
            }
        }
        index.freeze();
        markers.freeze();
    }

    int size() {
        return rules.size();
    }

    // ---------------------------------------------------------------- loading

    static Lexicon fromResource(String resource) {
        try (InputStream in = Lexicon.class.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read lexicon " + resource, e);
        }
    }

    static Lexicon parse(Reader reader, String origin) throws IOException {
        Compiler compiler = new Compiler();
        BufferedReader lines = new BufferedReader(reader);
        String line;
        int number = 0;
        while ((line = lines.readLine()) != null) {
            number++;
            String where = origin + ":" + number;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            try {
                compiler.line(line, where);
            } catch (RuntimeException e) {
                throw new IllegalStateException(where + ": " + e.getMessage() + " in: " + line, e);
            }
        }
        return compiler.build();
    }

    /** The community's own terms (plain words or phrases, {@code *} for any ending), all under one rule name. */
    static Lexicon ofTerms(Collection<String> terms, String name, int weight) {
        Compiler compiler = new Compiler();
        List<Rule> rules = new ArrayList<>();
        for (String term : terms) {
            if (term == null || term.isBlank()) {
                continue;
            }
            String t = term.strip();
            boolean stem = t.endsWith("*");
            List<PatternElement> words = compiler.words(stem ? t.substring(0, t.length() - 1) : t, stem, false, false);
            if (words.isEmpty()) {
                continue;
            }
            rules.add(new Rule(name, null, weight, false, List.of(words), false, false, null, "policy:" + t, false));
        }
        return new Lexicon(compiler.vocabulary, rules, List.of(), null, null, null);
    }

    /** Reads lexicon lines; named sets may be used before they are defined, so they are resolved at the end. */
    private static final class Compiler {
        private final Vocabulary vocabulary = new Vocabulary();
        private final Map<String, List<List<PatternElement>>> sets = new LinkedHashMap<>();
        private final List<Choice> choices = new ArrayList<>();
        private final List<Rule> rules = new ArrayList<>();

        void line(String line, String where) {
            String[] columns = line.split("\t");
            if (columns.length < 3) {
                throw new IllegalArgumentException("expected label, weight and pattern separated by tabs");
            }
            String label = columns[0].strip();
            String weightText = columns[1].strip();
            String pattern = columns[2].strip();
            String options = columns.length > 3
                    ? String.join(" ", Arrays.copyOfRange(columns, 3, columns.length)).strip() : "";
            if (label.startsWith("@")) {
                List<List<PatternElement>> parts = parse(pattern);
                if (parts.size() != 1) {
                    throw new IllegalArgumentException("a set member cannot use &");
                }
                List<PatternElement> member = parts.get(0);
                if (member.size() == 1 && member.get(0) instanceof Choice c && c.name == null && !c.optional) {
                    set(label.substring(1)).addAll(c.options); // "@set - {a|b|c}" adds three members
                } else {
                    set(label.substring(1)).add(member);
                }
                return;
            }
            boolean safe = label.equals("SAFE");
            Category category = safe ? null : Category.valueOf(label);
            int weight = safe ? 0 : Integer.parseInt(weightText);
            if (!safe && (weight < 1 || weight > 100)) {
                throw new IllegalArgumentException("weight must be 1..100");
            }
            boolean aimed = false;
            boolean addressed = false;
            Choice unless = null;
            String name = safe ? "safe" : "lexicon." + label.toLowerCase(Locale.ROOT).replace('_', '-');
            for (String option : options.split("[\\s,]+")) {
                if (option.isEmpty()) {
                    continue;
                }
                if (option.equals("aimed")) {
                    aimed = true;
                } else if (option.equals("addressed")) {
                    addressed = true;
                } else if (option.startsWith("unless=@")) {
                    unless = reference(option.substring("unless=@".length()), false);
                } else if (option.startsWith("rule=")) {
                    name = option.substring("rule=".length());
                } else {
                    throw new IllegalArgumentException("unknown option " + option);
                }
            }
            List<List<PatternElement>> parts = parse(pattern);
            refuseSingleLetters(parts.get(0));
            rules.add(new Rule(name, category, weight, safe, parts, aimed, addressed, unless, where, false));
        }

        /** A rule that can fire on a lone letter ("x", or "xxx" read as a stretched x) fires everywhere. */
        private static void refuseSingleLetters(List<PatternElement> sequence) {
            if (sequence.size() != 1) {
                return;
            }
            List<List<PatternElement>> options = sequence.get(0) instanceof Choice c ? c.options : List.of(sequence);
            for (List<PatternElement> option : options) {
                if (option.size() == 1 && option.get(0) instanceof Word w && w.text().length() < 2) {
                    throw new IllegalArgumentException("'" + w.text() + "' alone would match a single letter");
                }
            }
        }

        Lexicon build() {
            for (Map.Entry<String, List<List<PatternElement>>> set : sets.entrySet()) {
                if (set.getValue().isEmpty()) {
                    throw new IllegalStateException("set @" + set.getKey() + " is used but never defined");
                }
            }
            for (Choice c : choices) {
                c.freeze();
            }
            List<Rule> markerRules = new ArrayList<>();
            if (sets.containsKey(YOU)) {
                markerRules.add(new Rule("marker.you", null, 0, false, List.of(List.of(reference(YOU, false))),
                        false, false, null, "@" + YOU, true));
            }
            if (sets.containsKey(PERSON)) {
                markerRules.add(new Rule("marker.person", null, 0, false, List.of(List.of(reference(PERSON, false))),
                        false, false, null, "@" + PERSON, false));
            }
            Choice intensifiers = sets.containsKey(INTENSIFIER) ? reference(INTENSIFIER, false) : null;
            Choice persons = sets.containsKey(PERSON) ? reference(PERSON, false) : null;
            Choice negations = sets.containsKey(NEGATION) ? reference(NEGATION, false) : null;
            for (Choice c : choices) {
                c.freeze();
            }
            return new Lexicon(vocabulary, rules, markerRules, intensifiers, persons, negations);
        }

        private List<List<PatternElement>> set(String name) {
            return sets.computeIfAbsent(name, k -> new ArrayList<>());
        }

        private Choice reference(String name, boolean optional) {
            if (!name.matches("[a-z0-9_-]+")) {
                throw new IllegalArgumentException("bad set name @" + name);
            }
            Choice c = new Choice(name, set(name), optional);
            choices.add(c);
            return c;
        }

        /** Pattern syntax: words, stem*, {a|b c}, @set, optional?, ~N, $, and " & " between co-occurring parts. */
        List<List<PatternElement>> parse(String pattern) {
            List<List<PatternElement>> parts = new ArrayList<>();
            for (String part : pattern.split(" & ")) {
                int[] at = {0};
                List<PatternElement> sequence = sequence(part, at);
                if (at[0] < part.length()) {
                    throw new IllegalArgumentException("unexpected '" + part.charAt(at[0]) + "'");
                }
                if (sequence.isEmpty()) {
                    throw new IllegalArgumentException("empty pattern");
                }
                if (sequence.get(sequence.size() - 1) instanceof Gap) {
                    throw new IllegalArgumentException("a pattern cannot end with a gap");
                }
                parts.add(List.copyOf(sequence));
            }
            return List.copyOf(parts);
        }

        private List<PatternElement> sequence(String s, int[] at) {
            List<PatternElement> out = new ArrayList<>();
            while (true) {
                while (at[0] < s.length() && s.charAt(at[0]) == ' ') {
                    at[0]++;
                }
                if (at[0] >= s.length() || s.charAt(at[0]) == '|' || s.charAt(at[0]) == '}') {
                    return out;
                }
                char c = s.charAt(at[0]);
                if (c == '{') {
                    at[0]++;
                    List<List<PatternElement>> options = new ArrayList<>();
                    options.add(List.copyOf(sequence(s, at)));
                    while (at[0] < s.length() && s.charAt(at[0]) == '|') {
                        at[0]++;
                        options.add(List.copyOf(sequence(s, at)));
                    }
                    if (at[0] >= s.length() || s.charAt(at[0]) != '}') {
                        throw new IllegalArgumentException("missing }");
                    }
                    at[0]++;
                    boolean optional = consume(s, at, '?');
                    for (List<PatternElement> option : options) {
                        if (option.isEmpty()) {
                            throw new IllegalArgumentException("empty option in {}");
                        }
                    }
                    Choice choice = new Choice(null, List.copyOf(options), optional);
                    choices.add(choice);
                    out.add(choice);
                } else if (c == '~') {
                    int end = at[0] + 1;
                    while (end < s.length() && Character.isDigit(s.charAt(end))) {
                        end++;
                    }
                    if (end == at[0] + 1) {
                        throw new IllegalArgumentException("~ needs a number");
                    }
                    out.add(new Gap(Integer.parseInt(s.substring(at[0] + 1, end))));
                    at[0] = end;
                } else if (c == '$' && (at[0] + 1 == s.length() || " |}".indexOf(s.charAt(at[0] + 1)) >= 0)) {
                    out.add(new SentenceEnd());
                    at[0]++;
                } else if (c == '@') {
                    int end = at[0] + 1;
                    while (end < s.length() && " |}?".indexOf(s.charAt(end)) < 0) {
                        end++;
                    }
                    String name = s.substring(at[0] + 1, end);
                    at[0] = end;
                    out.add(reference(name, consume(s, at, '?')));
                } else {
                    int end = at[0];
                    while (end < s.length() && " |{}".indexOf(s.charAt(end)) < 0) {
                        end++;
                    }
                    String word = s.substring(at[0], end);
                    at[0] = end;
                    boolean optional = word.endsWith("?");
                    if (optional) {
                        word = word.substring(0, word.length() - 1);
                    }
                    boolean stem = word.endsWith("*");
                    if (stem) {
                        word = word.substring(0, word.length() - 1);
                    }
                    List<PatternElement> words = words(word, stem, optional, true);
                    if (words.isEmpty()) {
                        throw new IllegalArgumentException("'" + word + "' has no letters");
                    }
                    out.addAll(words);
                }
            }
        }

        /** A written word normalised as messages are; "t'es" or "gens-là" become two words. */
        List<PatternElement> words(String written, boolean stem, boolean optional, boolean strict) {
            String text = Normaliser.normalise(written).text();
            List<String> pieces = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                if (!Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                    continue;
                }
                int end = i;
                while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                    end++;
                }
                pieces.add(text.substring(i, end));
                i = end;
            }
            List<PatternElement> words = new ArrayList<>();
            for (int k = 0; k < pieces.size(); k++) {
                boolean last = k == pieces.size() - 1;
                String piece = pieces.get(k);
                if (last && stem && strict && piece.length() < MIN_STEM) {
                    throw new IllegalArgumentException("stem '" + piece + "*' is too short to be safe");
                }
                boolean isStem = last && stem;
                words.add(new Word(piece, isStem, false, isStem ? vocabulary.stem(piece) : vocabulary.word(piece)));
            }
            if (optional && !words.isEmpty()) {
                if (words.size() == 1) {
                    return List.of(((Word) words.get(0)).asOptional());
                }
                Choice choice = new Choice(null, List.of(List.copyOf(words)), true);
                choices.add(choice);
                return List.of(choice);
            }
            return words;
        }

        private static boolean consume(String s, int[] at, char c) {
            if (at[0] < s.length() && s.charAt(at[0]) == c) {
                at[0]++;
                return true;
            }
            return false;
        }
    }

    // ---------------------------------------------------------------- indexing

    private static List<Word> firstWords(Rule rule) {
        List<Word> out = new ArrayList<>();
        firstWords(rule.parts.get(0), 0, null, out, 0, rule);
        return out;
    }

    private static void firstWords(List<PatternElement> seq, int k, Continuation next, List<Word> out, int depth,
                                   Rule rule) {
        if (depth > 64) {
            throw new IllegalStateException(rule + ": sets refer to each other in a loop");
        }
        if (k == seq.size()) {
            if (next == null) {
                throw new IllegalStateException(rule + ": the pattern can match without any word");
            }
            firstWords(next.seq, next.k, next.next, out, depth + 1, rule);
            return;
        }
        PatternElement e = seq.get(k);
        if (e instanceof Word w) {
            out.add(w);
            if (w.optional()) {
                firstWords(seq, k + 1, next, out, depth + 1, rule);
            }
        } else if (e instanceof Choice c) {
            Continuation after = new Continuation(seq, k + 1, next);
            for (List<PatternElement> option : c.options) {
                firstWords(option, 0, after, out, depth + 1, rule);
            }
            if (c.optional) {
                firstWords(seq, k + 1, next, out, depth + 1, rule);
            }
        } else {
            throw new IllegalStateException(rule + ": a pattern must start with a word");
        }
    }

    private record Continuation(List<PatternElement> seq, int k, Continuation next) {
    }

    // ---------------------------------------------------------------- reading a message

    /** Every rule found in the message, safe phrases already applied. */
    List<Found> read(MessageTokens tokens) {
        Reading reading = new Reading(tokens);
        reading.markAddresses();
        List<Found> found = new ArrayList<>();
        for (int t = 0; t < tokens.size; t++) {
            if (reading.ids[t].length == 0) {
                continue;
            }
            List<Rule> candidates = index.collect(reading.ids[t], null);
            if (candidates != null) {
                for (Rule rule : candidates) {
                    reading.tryRule(rule, t, found);
                }
            }
        }
        boolean anySafe = false;
        for (Found f : found) {
            anySafe |= f.rule().safe;
        }
        if (!anySafe) {
            return found;
        }
        List<Found> kept = new ArrayList<>(found.size());
        for (Found f : found) {
            if (f.rule().safe) {
                continue;
            }
            // A hit whose first or last word belongs to a safe idiom is that idiom ("I'll shoot you" in "I'll
            // shoot you a message"), not what the rule looks for.
            boolean covered = false;
            for (Found s : found) {
                if (s.rule().safe && (inside(f.first(), s) || inside(f.end() - 1, s))) {
                    covered = true;
                    break;
                }
            }
            if (!covered) {
                kept.add(f);
            }
        }
        return kept;
    }

    private static boolean inside(int token, Found span) {
        return span.first() <= token && token < span.end();
    }

    /** Matching state for one message: who is being addressed, where negations are, which sets occur. */
    private final class Reading {
        private final MessageTokens tokens;
        private final boolean[] aimed;
        private final boolean[] addressed;
        private final boolean[] negation;
        /** For each message word, the numbers of the lexicon words it matches (most words match none). */
        private final int[][] ids;
        private Map<Choice, Boolean> present;

        Reading(MessageTokens tokens) {
            this.tokens = tokens;
            this.aimed = new boolean[tokens.size];
            this.addressed = new boolean[tokens.size];
            this.negation = new boolean[tokens.size];
            this.ids = new int[tokens.size][];
            for (int t = 0; t < tokens.size; t++) {
                ids[t] = vocabulary.idsOf(tokens, t);
                if (ids[t].length > 0 && negations != null) {
                    negation[t] = matchesOneWord(negations, t);
                }
            }
        }

        /**
         * A word is aimed at someone when it follows a determiner of a person ("un", "what a") or an address
         * ("t'es", "you"), possibly through intensifiers ("t'es vraiment un gros ..."); addressed when it is
         * the second person. Insults that are ordinary words elsewhere ("nul", "stupid") only count so.
         */
        void markAddresses() {
            if (markers.isEmpty()) {
                return;
            }
            for (int t = 0; t < tokens.size; t++) {
                if (ids[t].length == 0) {
                    continue;
                }
                List<Rule> candidates = markers.collect(ids[t], null);
                if (candidates == null) {
                    continue;
                }
                for (Rule marker : candidates) {
                    int limit = tokens.sentenceEnd[t];
                    int end = match(marker.parts.get(0), 0, t, limit, null);
                    if (end > t) {
                        mark(end, limit, marker.marksAddress);
                    }
                }
            }
        }

        private void mark(int q, int limit, boolean you) {
            for (int steps = 0; steps < 6 && q < limit; steps++) {
                aimed[q] = true;
                addressed[q] |= you;
                int next = -1;
                if (intensifiers != null) {
                    next = Math.max(next, match(intensifiers.alone, 0, q, limit, null));
                }
                if (persons != null) {
                    next = Math.max(next, match(persons.alone, 0, q, limit, null));
                }
                if (next <= q) {
                    return;
                }
                q = next;
            }
        }

        void tryRule(Rule rule, int t, List<Found> found) {
            if (rule.aimed && !aimed[t] || rule.addressed && !addressed[t]) {
                return;
            }
            if ((rule.aimed || rule.addressed) && negatedBefore(t)) {
                return; // "you're not an idiot", "t'es pas un con"
            }
            int limit = tokens.sentenceEnd[t];
            int end = match(rule.parts.get(0), 0, t, limit, null);
            if (end <= t) {
                return;
            }
            int first = t;
            int last = end;
            for (int p = 1; p < rule.parts.size(); p++) {
                List<PatternElement> part = rule.parts.get(p);
                boolean seen = false;
                for (int u = tokens.sentenceStart[t]; u < limit && !seen; u++) {
                    int e = match(part, 0, u, limit, null);
                    if (e > u) {
                        first = Math.min(first, u);
                        last = Math.max(last, e);
                        seen = true;
                    }
                }
                if (!seen) {
                    return;
                }
            }
            if (rule.unless != null && isPresent(rule.unless)) {
                return;
            }
            for (int k = found.size() - 1; k >= 0; k--) {
                Found previous = found.get(k);
                if (previous.rule() == rule && previous.first() < last && first < previous.end()) {
                    return;
                }
            }
            found.add(new Found(rule, first, last, tokens.sourceStart[first], tokens.sourceEnd[last - 1]));
        }

        private boolean negatedBefore(int t) {
            for (int u = Math.max(tokens.sentenceStart[t], t - 3); u < t; u++) {
                if (negation[u]) {
                    return true;
                }
            }
            return false;
        }

        private boolean isPresent(Choice set) {
            if (present == null) {
                present = new IdentityHashMap<>();
            }
            Boolean known = present.get(set);
            if (known == null) {
                known = false;
                for (int t = 0; t < tokens.size && !known; t++) {
                    known = match(set.alone, 0, t, tokens.sentenceEnd[t], null) > t;
                }
                present.put(set, known);
            }
            return known;
        }

        private boolean matchesOneWord(Choice c, int t) {
            for (int id : ids[t]) {
                if (Arrays.binarySearch(c.singleWords, id) >= 0) {
                    return true;
                }
            }
            return false;
        }

        /** End (exclusive token index) of a match of seq[k..] then the continuation, starting at pos; -1 if none. */
        private int match(List<PatternElement> seq, int k, int pos, int limit, Continuation next) {
            while (true) {
                if (k == seq.size()) {
                    if (next == null) {
                        return pos;
                    }
                    seq = next.seq;
                    k = next.k;
                    next = next.next;
                    continue;
                }
                PatternElement e = seq.get(k);
                if (e instanceof Word w) {
                    if (pos < limit && matches(w, pos)) {
                        if (!w.optional()) {
                            pos++;
                            k++;
                            continue;
                        }
                        int r = match(seq, k + 1, pos + 1, limit, next);
                        if (r >= 0) {
                            return r;
                        }
                    }
                    if (w.optional()) {
                        k++;
                        continue;
                    }
                    return -1;
                } else if (e instanceof Choice c) {
                    if (pos < limit && ids[pos].length > 0 && !c.phrases.isEmpty()) {
                        long ends = phraseEnds(c.phrases, pos, limit, 0);
                        for (int end = pos + 1; ends != 0; end++, ends >>>= 1) {
                            if ((ends & 1) != 0) {
                                int r = match(seq, k + 1, end, limit, next);
                                if (r >= 0) {
                                    return r;
                                }
                            }
                        }
                    }
                    List<List<PatternElement>> indexed = pos < limit && ids[pos].length > 0
                            ? c.byFirstWord.collect(ids[pos], null) : null;
                    if (indexed != null || !c.unindexed.isEmpty()) {
                        Continuation after = new Continuation(seq, k + 1, next);
                        if (indexed != null) {
                            for (List<PatternElement> option : indexed) {
                                int r = match(option, 0, pos, limit, after);
                                if (r >= 0) {
                                    return r;
                                }
                            }
                        }
                        for (List<PatternElement> option : c.unindexed) {
                            int r = match(option, 0, pos, limit, after);
                            if (r >= 0) {
                                return r;
                            }
                        }
                    }
                    if (c.optional) {
                        k++;
                        continue;
                    }
                    return -1;
                } else if (e instanceof Gap g) {
                    for (int skip = 0; skip <= g.max() && pos + skip <= limit; skip++) {
                        if (skip > 0 && negation[pos + skip - 1]) {
                            break;
                        }
                        int r = match(seq, k + 1, pos + skip, limit, next);
                        if (r >= 0) {
                            return r;
                        }
                    }
                    return -1;
                } else {
                    if (pos != limit) {
                        return -1;
                    }
                    k++;
                }
            }
        }

        /**
         * Where the plain phrases of a set that start at {@code pos} end: bit i set means a phrase covers the
         * words pos..pos+i (phrases are far shorter than 64 words).
         */
        private long phraseEnds(PatternElement.PhraseTrie node, int pos, int limit, int depth) {
            long ends = 0;
            for (int id : ids[pos]) {
                ends |= phraseEndsFrom(node.child(id), pos, limit, depth);
            }
            return ends;
        }

        private long phraseEndsFrom(PatternElement.PhraseTrie child, int pos, int limit, int depth) {
            if (child == null) {
                return 0;
            }
            long ends = child.end ? 1 : 0;
            if (!child.isLeaf() && pos + 1 < limit && depth < 62) {
                ends |= phraseEnds(child, pos + 1, limit, depth + 1) << 1;
            }
            return ends;
        }

        private boolean matches(Word w, int t) {
            return Vocabulary.contains(ids[t], w.id());
        }
    }
}
