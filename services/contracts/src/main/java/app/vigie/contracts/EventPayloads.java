package app.vigie.contracts;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one JSON mapping for envelopes on the wire, so that every service writes and reads them alike
 * (ISO-8601 instants, unknown fields tolerated because adding a field is a compatible change).
 */
public final class EventPayloads {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);

    private EventPayloads() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static JsonNode toTree(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    public static <P> P read(EventEnvelope envelope, Class<P> payloadType) {
        try {
            return MAPPER.treeToValue(envelope.payload(), payloadType);
        } catch (IOException e) {
            throw new UncheckedIOException("payload of " + envelope.type() + " " + envelope.id() + " is not a "
                    + payloadType.getSimpleName(), e);
        }
    }

    public static byte[] serialize(EventEnvelope envelope) {
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static EventEnvelope deserialize(byte[] json) {
        try {
            return MAPPER.readValue(json, EventEnvelope.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not an event envelope", e);
        }
    }
}
