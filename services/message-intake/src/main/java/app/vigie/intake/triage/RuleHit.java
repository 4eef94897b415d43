package app.vigie.intake.triage;

import app.vigie.contracts.community.Category;

/**
 * One rule that fired, with where in the ORIGINAL text it matched, so moderators see highlighted spans.
 *
 * @param rule     stable name such as {@code lexicon.insult}, {@code pii.email}, {@code spam.link-shortener},
 *                 {@code evasion.leetspeak}, {@code policy.blocked-term} or {@code shouting}
 * @param category what the hit is evidence of; {@code null} for neutral signals (evasion, shouting, policy terms)
 * @param weight   0..100, the hit's own contribution to the risk
 * @param start    offset of the first matched char in the original text (UTF-16 index, inclusive)
 * @param end      offset just after the last matched char (exclusive), so {@code text.substring(start, end)}
 * @param matched  that substring of the original text
 */
public record RuleHit(String rule, Category category, int weight, int start, int end, String matched) {
}
