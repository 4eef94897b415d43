package app.vigie.intake.triage;

import app.vigie.contracts.community.Category;
import java.util.List;

/**
 * The explainable result stored with the message.
 *
 * @param language          ISO 639-1 code of the lexicon that was applied
 * @param normalisedText    lower-case, accent-free, de-obfuscated text the rules read
 * @param risk              0..100, see {@code docs/triage.md} for the formula
 * @param suggestedCategory {@code null} when the message looks acceptable
 * @param rules             every rule that fired, ordered by position in the original text
 * @param fingerprint       {@link Fingerprint#of(String)} of the normalised text, to count repeats
 */
public record Triage(String language, String normalisedText, int risk, Category suggestedCategory,
                     List<RuleHit> rules, String fingerprint) {

    public Triage {
        rules = List.copyOf(rules);
    }
}
