package app.vigie.registry.domain;

import app.vigie.platform.problem.ProblemException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** ISO 639-1 language codes, as communities, staff and term lists use them. */
public final class Languages {

    private static final Set<String> ISO_639_1 = Set.of(Locale.getISOLanguages());

    private Languages() {
    }

    public static boolean isCode(String code) {
        return code != null && ISO_639_1.contains(code);
    }

    /** An ordered, non-empty list of distinct codes; refuses the first bad one, naming it. */
    public static List<String> require(List<String> codes, String field) {
        if (codes == null || codes.isEmpty()) {
            throw ProblemException.invalid(field, "at least one ISO 639-1 language code is required");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            if (!isCode(code)) {
                throw ProblemException.invalid(field + "[" + i + "]", "not an ISO 639-1 language code: " + code);
            }
            if (!seen.add(code)) {
                throw ProblemException.invalid(field + "[" + i + "]", "language listed twice: " + code);
            }
        }
        return List.copyOf(codes);
    }
}
