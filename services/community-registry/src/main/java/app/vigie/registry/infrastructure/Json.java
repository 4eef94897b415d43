package app.vigie.registry.infrastructure;

import app.vigie.contracts.EventPayloads;
import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * JSON kept in text columns. Text rather than jsonb because the reactive driver binds a string parameter to a
 * jsonb column as one JSON string; nothing here is queried inside the JSON, so text loses nothing.
 */
final class Json {

    private Json() {
    }

    static String write(Object value) {
        try {
            return EventPayloads.mapper().writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static <T> T read(String json, TypeReference<T> type) {
        try {
            return EventPayloads.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON is unreadable", e);
        }
    }
}
