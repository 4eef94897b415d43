package app.vigie.intake.triage;

import app.vigie.contracts.community.Category;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Ranks and explains one message for the moderators: which rules fired where, how risky it looks, which
 * category it most resembles. It decides nothing. Thread-safe; build it once with {@link #standard()}.
 */
public final class Triager {

    /** Below this risk no category is suggested: a link or a capitalised sentence alone is not a case. */
    static final int FLOOR = 35;
    /** The suggested category must carry some weight of its own, not just follow neutral signals. */
    static final int CATEGORY_MINIMUM = 20;

    static final int LINK_WEIGHT = 15;
    static final int SHORTENER_WEIGHT = 30;

    // Ties between categories go to the more serious one.
    private static final List<Category> SEVERITY = List.of(Category.THREAT, Category.HATE, Category.VIOLENCE,
            Category.HARASSMENT, Category.SEXUAL, Category.PERSONAL_DATA, Category.SCAM, Category.INSULT,
            Category.ILLEGAL_OTHER, Category.SPAM, Category.COMPETITOR_PROMOTION, Category.OFF_TOPIC);

    private static final Map<Integer, String> EVASIONS = evasions();
    private static final int EVASION_MASK = Normaliser.LEET | Normaliser.JOINED | Normaliser.STRETCHED
            | Normaliser.HOMOGLYPH | Normaliser.INVISIBLE;

    private final Map<String, Lexicon> lexicons;
    private final LanguageChoice languages;
    private final Map<List<Map<String, List<String>>>, CommunityTerms> communities = new ConcurrentHashMap<>();

    Triager(Map<String, Lexicon> lexicons, LanguageChoice languages) {
        this.lexicons = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lexicons));
        this.languages = languages;
    }

    /** The shared triager: lexicons of every served language from the classpath, one Lingua detector. */
    public static Triager standard() {
        return Standard.INSTANCE;
    }

    private static final class Standard {
        static final Triager INSTANCE = load();

        private static Triager load() {
            Map<String, Lexicon> lexicons = new LinkedHashMap<>();
            for (String language : LanguageChoice.SERVED) {
                Lexicon lexicon = Lexicon.fromResource("/triage/lexicon-" + language + ".tsv");
                if (lexicon != null) {
                    lexicons.put(language, lexicon);
                }
            }
            return new Triager(lexicons, LanguageChoice.lingua());
        }
    }

    /** Languages that have a lexicon; others only get the language-independent rules (PII, links, shape). */
    public Set<String> lexiconLanguages() {
        return lexicons.keySet();
    }

    public Triage assess(TriageInput input) {
        String text = input.text();
        String language = languages.choose(text, input.communityLanguages());
        Normaliser.Normalised normalised = Normaliser.normalise(text);
        List<WebAddresses.Found> links = normalised.links();
        List<WebAddresses.Found> emails = normalised.emails();
        MessageTokens tokens = MessageTokens.of(normalised);
        CommunityTerms community = communityTerms(input);

        List<RuleHit> hits = new ArrayList<>();
        List<Lexicon.Found> kept = new ArrayList<>();
        Lexicon lexicon = lexicons.get(language);
        if (lexicon != null) {
            for (Lexicon.Found f : lexicon.read(tokens)) {
                if (!community.allows(tokens.words(f.first(), f.end()))) {
                    kept.add(f);
                    hits.add(hit(f.rule().name, f.rule().category, f.rule().weight, f.start(), f.stop(), text));
                }
            }
        }
        List<Lexicon.Found> blocked = community.blockedIn(tokens);
        for (Lexicon.Found f : blocked) {
            hits.add(hit(CommunityTerms.BLOCKED_RULE, categoryAt(kept, f), f.rule().weight, f.start(), f.stop(), text));
        }
        addEvasions(tokens, kept, blocked, text, hits);

        List<RuleHit> unverified = new ArrayList<>();
        hits.addAll(PersonalData.find(text, unverified));
        if (!unverified.isEmpty() && kept.stream().anyMatch(f -> f.rule().category == Category.PERSONAL_DATA)) {
            hits.addAll(unverified);
        }
        for (WebAddresses.Found e : emails) {
            hits.add(hit("pii.email", Category.PERSONAL_DATA, PersonalData.EMAIL_WEIGHT, e.start(), e.end(), text));
        }
        int plainLinks = 0;
        for (WebAddresses.Found link : links) {
            if (WebAddresses.isShortener(link.host())) {
                hits.add(hit("spam.link-shortener", Category.SPAM, SHORTENER_WEIGHT, link.start(), link.end(), text));
            } else {
                // Each further link adds less: a message citing its sources is not a link farm.
                int weight = Math.max(5, LINK_WEIGHT - 5 * plainLinks++);
                hits.add(hit("spam.link", Category.SPAM, weight, link.start(), link.end(), text));
            }
        }
        MessageShape.read(text, tokens, input.recentRepeats(), hits);

        hits.sort(Comparator.comparingInt(RuleHit::start).thenComparingInt(RuleHit::end)
                .thenComparing(RuleHit::rule));
        int risk = risk(hits);
        return new Triage(language, normalised.text(), risk, suggest(hits, risk), hits,
                Fingerprint.of(normalised.text()));
    }

    /** 1 - Π(1 - wᵢ/100): independent pieces of evidence, none of which can push the risk past 100. */
    static int risk(List<RuleHit> hits) {
        double clean = 1.0;
        for (RuleHit h : hits) {
            clean *= 1.0 - Math.min(100, Math.max(0, h.weight())) / 100.0;
        }
        return (int) Math.round(100.0 * (1.0 - clean));
    }

    /** The category with the highest total weight, when the message is risky enough for a suggestion at all. */
    static Category suggest(List<RuleHit> hits, int risk) {
        if (risk < FLOOR) {
            return null;
        }
        Map<Category, Integer> totals = new EnumMap<>(Category.class);
        for (RuleHit h : hits) {
            if (h.category() != null) {
                totals.merge(h.category(), h.weight(), Integer::sum);
            }
        }
        Category best = null;
        int bestTotal = 0;
        for (Category c : SEVERITY) {
            int total = totals.getOrDefault(c, 0);
            if (total > bestTotal) {
                best = c;
                bestTotal = total;
            }
        }
        return bestTotal >= CATEGORY_MINIMUM ? best : null;
    }

    private CommunityTerms communityTerms(TriageInput input) {
        if (input.blockedTerms().isEmpty() && input.allowedTerms().isEmpty()) {
            return CommunityTerms.NONE;
        }
        List<Map<String, List<String>>> key = List.of(input.blockedTerms(), input.allowedTerms());
        CommunityTerms terms = communities.get(key);
        if (terms == null) {
            if (communities.size() > 1_000) {
                communities.clear(); // policies change rarely; an unbounded cache would only grow with edits
            }
            terms = CommunityTerms.of(input.blockedTerms(), input.allowedTerms());
            communities.put(key, terms);
        }
        return terms;
    }

    /** A blocked term takes the category of the lexicon rule found on the same words, if any. */
    private static Category categoryAt(List<Lexicon.Found> kept, Lexicon.Found blocked) {
        Category category = null;
        int weight = 0;
        for (Lexicon.Found f : kept) {
            if (f.first() < blocked.end() && blocked.first() < f.end() && f.rule().weight > weight) {
                category = f.rule().category;
                weight = f.rule().weight;
            }
        }
        return category;
    }

    /** One evasion hit per disguised word that a rule needed to see through. */
    private static void addEvasions(MessageTokens tokens, List<Lexicon.Found> kept, List<Lexicon.Found> blocked,
                                    String text, List<RuleHit> hits) {
        Set<Long> seen = null;
        for (List<Lexicon.Found> list : List.of(kept, blocked)) {
            for (Lexicon.Found f : list) {
                for (int t = f.first(); t < f.end(); t++) {
                    int flags = tokens.flags[t];
                    if ((flags & EVASION_MASK) == 0) {
                        continue;
                    }
                    for (Map.Entry<Integer, String> e : EVASIONS.entrySet()) {
                        if ((flags & e.getKey()) == 0) {
                            continue;
                        }
                        if (seen == null) {
                            seen = new HashSet<>();
                        }
                        if (seen.add(((long) t << 8) | e.getKey())) {
                            int weight = e.getKey() == Normaliser.STRETCHED ? 5 : e.getKey() >= Normaliser.HOMOGLYPH ? 15 : 10;
                            hits.add(hit(e.getValue(), null, weight, tokens.sourceStart[t], tokens.sourceEnd[t], text));
                        }
                    }
                }
            }
        }
    }


    private static Map<Integer, String> evasions() {
        Map<Integer, String> m = new LinkedHashMap<>();
        m.put(Normaliser.LEET, "evasion.leetspeak");
        m.put(Normaliser.JOINED, "evasion.separators");
        m.put(Normaliser.STRETCHED, "evasion.repeated-letters");
        m.put(Normaliser.HOMOGLYPH, "evasion.homoglyphs");
        m.put(Normaliser.INVISIBLE, "evasion.invisible-characters");
        return m;
    }

    private static RuleHit hit(String rule, Category category, int weight, int start, int end, String text) {
        return new RuleHit(rule, category, weight, start, end, text.substring(start, end));
    }
}
