package app.vigie.intake.triage;

import java.util.List;
import java.util.Map;

/**
 * What triage needs about one message and its community.
 *
 * @param text               the message as received; {@code null} is read as empty
 * @param communityLanguages ISO 639-1 codes, the first being the community's main language
 * @param blockedTerms       per language, terms the community's policy forbids (a trailing {@code *} allows any ending)
 * @param allowedTerms       per language, terms the community explicitly allows (e.g. "nul" for a review site)
 * @param recentRepeats      how many messages with the same fingerprint the service saw in the last minutes
 */
public record TriageInput(String text, List<String> communityLanguages, Map<String, List<String>> blockedTerms,
                          Map<String, List<String>> allowedTerms, int recentRepeats) {

    public TriageInput {
        text = text == null ? "" : text;
        communityLanguages = communityLanguages == null ? List.of() : List.copyOf(communityLanguages);
        blockedTerms = blockedTerms == null ? Map.of() : Map.copyOf(blockedTerms);
        allowedTerms = allowedTerms == null ? Map.of() : Map.copyOf(allowedTerms);
        recentRepeats = Math.max(0, recentRepeats);
    }

    /** A message of a community that has one language and no policy terms of its own. */
    public static TriageInput of(String text, String language) {
        return new TriageInput(text, List.of(language), Map.of(), Map.of(), 0);
    }
}
