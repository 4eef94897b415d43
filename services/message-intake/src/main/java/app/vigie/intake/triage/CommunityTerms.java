package app.vigie.intake.triage;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A community's own vocabulary: blocked terms that always count, and allowed terms whose lexicon hits are
 * dropped. Terms of every language apply to every message: a community lists them on purpose, and a short
 * message's language is the least reliable thing about it.
 */
final class CommunityTerms {

    static final String BLOCKED_RULE = "policy.blocked-term";
    static final int BLOCKED_WEIGHT = 60;
    static final CommunityTerms NONE = new CommunityTerms(null, Set.of());

    private final Lexicon blocked;
    private final Set<String> allowed;

    private CommunityTerms(Lexicon blocked, Set<String> allowed) {
        this.blocked = blocked;
        this.allowed = allowed;
    }

    static CommunityTerms of(Map<String, List<String>> blockedTerms, Map<String, List<String>> allowedTerms) {
        if (blockedTerms.isEmpty() && allowedTerms.isEmpty()) {
            return NONE;
        }
        List<String> blockedList = new ArrayList<>();
        blockedTerms.values().forEach(list -> {
            if (list != null) {
                blockedList.addAll(list);
            }
        });
        Set<String> allowedWords = new HashSet<>();
        for (List<String> list : allowedTerms.values()) {
            if (list == null) {
                continue;
            }
            for (String term : list) {
                if (term != null && !term.isBlank()) {
                    allowedWords.add(words(term));
                }
            }
        }
        Lexicon lexicon = blockedList.isEmpty() ? null : Lexicon.ofTerms(blockedList, BLOCKED_RULE, BLOCKED_WEIGHT);
        return new CommunityTerms(lexicon, Set.copyOf(allowedWords));
    }

    List<Lexicon.Found> blockedIn(MessageTokens tokens) {
        return blocked == null ? List.of() : blocked.read(tokens);
    }

    boolean allows(String words) {
        return !allowed.isEmpty() && allowed.contains(words);
    }

    /** A term as the words of a message are compared: normalised, single-spaced. */
    private static String words(String term) {
        MessageTokens tokens = MessageTokens.of(Normaliser.normalise(term.strip()));
        return tokens.size == 0 ? "" : tokens.words(0, tokens.size);
    }
}
