package app.vigie.scheduling.infrastructure;

import app.vigie.contracts.EventPayloads;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;

/** The text columns that hold JSON (a post's media, a community's staff and coverage): written and read one way. */
public final class JsonColumns {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };

    private JsonColumns() {
    }

    public static String write(Object value) {
        try {
            return EventPayloads.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON array of strings, as a post's media are kept. */
    public static List<String> strings(String json) {
        return read(json, STRINGS);
    }

    public static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventPayloads.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable JSON column: " + json, e);
        }
    }
}
