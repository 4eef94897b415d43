package app.vigie.intake.triage;

import app.vigie.contracts.community.Category;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signals read from how a message is written rather than from its words: capitals, amounts, repetition. */
final class MessageShape {

    static final int SHOUTING_WEIGHT = 10;
    static final int MONEY_OFFER_WEIGHT = 35;
    static final int MONEY_SIGNS_WEIGHT = 25;
    static final int EARN_AMOUNT_WEIGHT = 30;
    static final int DISCOUNT_WEIGHT = 15;
    static final int ADULT_MARKER_WEIGHT = 25;
    static final int REPEATED_TEXT_WEIGHT = 30;

    // Read on the normalised text: lower case, no accents ("journée" is "journee").
    private static final Pattern MONEY_PER_PERIOD = Pattern.compile(
            "(?:\\d[\\d ,.]*\\s?k?\\s?(?:€|\\$|£|eur\\b|euros?\\b|dollars?\\b|usd\\b|balles\\b)|[€$£]\\s?\\d[\\d,.]*\\s?k?)"
                    + "\\s*(?:/|par|per|a|an|chaque|every|each|by the|la|le)\\s*"
                    + "(?:jour|journee|semaine|mois|heure|h|day|week|month|hour|hr|year|an|annee|an)\\b");
    // "gagnez 5000€", "earn $500", "make 2k dollars": an amount promised rather than a price paid.
    private static final Pattern EARN_AMOUNT = Pattern.compile(
            "\\b(?:gagne[rz]|toucher|touchez|empoche[rz]|earn|earning|make|making)\\s+(?:up to |jusqu'a |plus de |over |more than )?"
                    + "(?:[€$£]\\s?\\d[\\d ,.]*k?|\\d[\\d ,.]*\\s?k?\\s?(?:€|\\$|£|eur\\b|euros?\\b|dollars?\\b|bucks\\b|usd\\b))");
    private static final Pattern MONEY_SIGNS = Pattern.compile("[$€£]{2,}");
    private static final Pattern DISCOUNT = Pattern.compile(
            "-\\s?\\d{2}\\s?%|\\b\\d{2}\\s?%\\s?(?:off|de (?:reduction|remise|rabais))");
    // On the original text: "+18" / "18+" but not "+18°C".
    private static final Pattern ADULT_MARKER = Pattern.compile("(?<![\\w+])(?:\\+\\s?18|18\\s?\\+)(?![\\w+°%])");

    private MessageShape() {
    }

    static void read(String source, MessageTokens tokens, int recentRepeats, List<RuleHit> hits) {
        shouting(source, hits);
        String text = tokens.normalised.text();
        boolean digits = false;
        boolean currency = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            digits |= c >= '0' && c <= '9';
            currency |= c == '€' || c == '$' || c == '£';
        }
        if (digits && (currency || mentionsMoneyInWords(text))) {
            // Only around the amounts: from a few words before the first digit of a run to a few words after it.
            int i = 0;
            int searched = 0;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c < '0' || c > '9') {
                    i++;
                    continue;
                }
                int from = Math.max(searched, Math.max(0, i - 40));
                int to = Math.min(text.length(), i + 50);
                find(MONEY_PER_PERIOD, tokens, from, to, "spam.money-offer", Category.SPAM, MONEY_OFFER_WEIGHT, hits);
                find(EARN_AMOUNT, tokens, from, to, "spam.money-offer", Category.SPAM, EARN_AMOUNT_WEIGHT, hits);
                searched = to;
                i = to;
            }
        }
        if (currency) {
            find(MONEY_SIGNS, tokens, "spam.money-offer", Category.SPAM, MONEY_SIGNS_WEIGHT, hits);
        }
        if (text.indexOf('%') >= 0) {
            find(DISCOUNT, tokens, "spam.discount", Category.SPAM, DISCOUNT_WEIGHT, hits);
        }
        if (source.contains("18")) {
            Matcher m = ADULT_MARKER.matcher(source);
            while (m.find()) {
                hits.add(new RuleHit("sexual.adult-marker", Category.SEXUAL, ADULT_MARKER_WEIGHT, m.start(), m.end(),
                        m.group()));
            }
        }
        repeatedText(source, tokens, hits);
        if (recentRepeats > 0) {
            int weight = 15 * Math.min(TriageInput.REPEATS_THAT_COUNT, recentRepeats);
            hits.add(new RuleHit("spam.repeated-message", Category.SPAM, weight, 0, source.length(), source));
        }
    }

    /** Mostly capitals over at least 12 letters: a small signal, loud is not forbidden. */
    private static void shouting(String source, List<RuleHit> hits) {
        int upper = 0;
        int lower = 0;
        int first = -1;
        int last = -1;
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            } else {
                continue;
            }
            if (first < 0) {
                first = i;
            }
            last = i;
        }
        if (upper + lower >= 12 && upper >= 0.7 * (upper + lower)) {
            hits.add(new RuleHit("shouting", null, SHOUTING_WEIGHT, first, last + 1, source.substring(first, last + 1)));
        }
    }

    /**
     * The same three words coming back so often that they make up half of a message of six words or more:
     * "abonnez-vous à ma chaîne !!! abonnez-vous à ma chaîne !!!".
     */
    private static void repeatedText(String source, MessageTokens tokens, List<RuleHit> hits) {
        int n = tokens.size;
        if (n < 6) {
            return;
        }
        int[] hashes = new int[n];
        for (int t = 0; t < n; t++) {
            hashes[t] = tokens.form(t).hashCode();
        }
        boolean[] covered = new boolean[n];
        boolean repeated = false;
        int window = Math.min(n, 400); // a repeat further away than this is not what makes a message spam
        for (int t = 0; t + 3 <= n; t++) {
            for (int u = t + 3; u + 3 <= n && u - t <= window; u++) {
                if (hashes[t] == hashes[u] && hashes[t + 1] == hashes[u + 1] && hashes[t + 2] == hashes[u + 2]
                        && sameWords(tokens, t, u)) {
                    repeated = true;
                    for (int k = 0; k < 3; k++) {
                        covered[t + k] = true;
                        covered[u + k] = true;
                    }
                }
            }
        }
        if (!repeated) {
            return;
        }
        int count = 0;
        int first = -1;
        int last = -1;
        for (int t = 0; t < n; t++) {
            if (covered[t]) {
                count++;
                if (first < 0) {
                    first = t;
                }
                last = t;
            }
        }
        if (count * 2 >= n) {
            int start = tokens.sourceStart[first];
            int end = tokens.sourceEnd[last];
            hits.add(new RuleHit("spam.repeated-text", Category.SPAM, REPEATED_TEXT_WEIGHT, start, end,
                    source.substring(start, end)));
        }
    }

    private static boolean sameWords(MessageTokens tokens, int t, int u) {
        for (int k = 0; k < 3; k++) {
            if (!tokens.form(t + k).equals(tokens.form(u + k))) {
                return false;
            }
        }
        return true;
    }

    private static void find(Pattern pattern, MessageTokens tokens, String rule, Category category, int weight,
                             List<RuleHit> hits) {
        find(pattern, tokens, 0, tokens.normalised.text().length(), rule, category, weight, hits);
    }

    private static void find(Pattern pattern, MessageTokens tokens, int from, int to, String rule, Category category,
                             int weight, List<RuleHit> hits) {
        Normaliser.Normalised n = tokens.normalised;
        Matcher m = pattern.matcher(n.text()).region(from, to).useTransparentBounds(true).useAnchoringBounds(false);
        while (m.find()) {
            if (m.end() > m.start()) {
                int start = n.starts()[m.start()];
                int end = n.ends()[m.end() - 1];
                hits.add(new RuleHit(rule, category, weight, start, end, n.source().substring(start, end)));
            }
        }
    }

    private static boolean mentionsMoneyInWords(String text) {
        return text.contains("euro") || text.contains("dollar") || text.contains("usd") || text.contains("balles")
                || text.contains("bucks");
    }
}
