package app.vigie.registry.domain;

import app.vigie.platform.problem.ProblemException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The rules of a policy's term lists: per ISO 639-1 language, distinct, trimmed, not blank, bounded. */
public final class PolicyRules {

    public static final int MAX_TERMS_PER_LANGUAGE = 2_000;
    public static final int MAX_TERM_LENGTH = 200;

    private PolicyRules() {
    }

    public static Map<String, List<String>> terms(Map<String, List<String>> terms, String field) {
        Map<String, List<String>> normalised = new TreeMap<>();
        if (terms == null) {
            return normalised;
        }
        terms.forEach((language, list) -> {
            String where = field + "." + language;
            if (!Languages.isCode(language)) {
                throw ProblemException.invalid(where, "not an ISO 639-1 language code");
            }
            if (list == null) {
                throw ProblemException.invalid(where, "must be a list of terms");
            }
            if (list.size() > MAX_TERMS_PER_LANGUAGE) {
                throw ProblemException.invalid(where, "at most " + MAX_TERMS_PER_LANGUAGE + " terms per language");
            }
            LinkedHashSet<String> distinct = new LinkedHashSet<>();
            for (int i = 0; i < list.size(); i++) {
                String term = list.get(i) == null ? "" : list.get(i).strip();
                if (term.isEmpty() || term.length() > MAX_TERM_LENGTH) {
                    throw ProblemException.invalid(where + "[" + i + "]",
                            "a term is 1 to " + MAX_TERM_LENGTH + " characters");
                }
                distinct.add(term);
            }
            normalised.put(language, List.copyOf(distinct));
        });
        return normalised;
    }
}
