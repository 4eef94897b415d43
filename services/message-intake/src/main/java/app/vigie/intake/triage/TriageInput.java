package app.vigie.intake.triage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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

    /** Beyond this many recent repeats the spam signal is at its strongest: counting further changes nothing. */
    public static final int REPEATS_THAT_COUNT = 4;

    public TriageInput {
        text = text == null ? "" : text;
        communityLanguages = withoutNulls(communityLanguages);
        blockedTerms = withoutNulls(blockedTerms);
        allowedTerms = withoutNulls(allowedTerms);
        recentRepeats = Math.max(0, recentRepeats);
    }

    // Policies arrive as JSON: a missing list or a null entry means nothing, not a failed triage.
    private static List<String> withoutNulls(List<String> list) {
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    private static Map<String, List<String>> withoutNulls(Map<String, List<String>> terms) {
        if (terms == null) {
            return Map.of();
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        terms.forEach((language, list) -> {
            if (language != null && list != null) {
                copy.put(language, withoutNulls(list));
            }
        });
        return Collections.unmodifiableMap(copy);
    }

    /** A message of a community that has one language and no policy terms of its own. */
    public static TriageInput of(String text, String language) {
        return new TriageInput(text, List.of(language), Map.of(), Map.of(), 0);
    }
}
