package app.vigie.platform.paging;

import app.vigie.platform.problem.ProblemException;
import com.fasterxml.jackson.core.type.TypeReference;
import app.vigie.contracts.EventPayloads;
import java.util.Base64;
import java.util.List;

/**
 * An opaque position in a sorted listing: the sort keys of the last item returned. Clients pass it back as
 * {@code cursor}; it is base64url JSON, but they must not build or read it.
 */
public record Cursor(List<String> keys) {

    public Cursor {
        keys = List.copyOf(keys);
    }

    public static Cursor of(Object... keys) {
        return new Cursor(java.util.Arrays.stream(keys).map(String::valueOf).toList());
    }

    public String key(int i) {
        return keys.get(i);
    }

    public String encode() {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(EventPayloads.mapper().writeValueAsBytes(keys));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a client's cursor, refusing (400, {@code query.cursor}) anything this API did not hand out. */
    public static Cursor decode(String encoded, int expectedKeys) {
        try {
            List<String> keys = EventPayloads.mapper().readValue(Base64.getUrlDecoder().decode(encoded),
                    new TypeReference<List<String>>() { });
            if (keys.size() != expectedKeys || keys.stream().anyMatch(java.util.Objects::isNull)) {
                throw new IllegalArgumentException("wrong shape");
            }
            return new Cursor(keys);
        } catch (Exception e) {
            throw ProblemException.invalid("query.cursor", "not a cursor returned by this listing");
        }
    }
}
