package app.vigie.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What travels on the {@code vigie.events} exchange: one integration event with its identity and routing
 * facts around a type-specific payload. Schema: {@code schemas/event-envelope.v1.json}.
 *
 * <p>The payload stays a JSON tree here so that a consumer can read the envelope (to de-duplicate on
 * {@link #id()}, or to dead-letter it) even when it does not know the payload's shape; {@link EventPayloads}
 * turns it into the typed record.
 *
 * @param id            unique per event; consumers are idempotent on it
 * @param type          the routing key, e.g. {@code community.registered}
 * @param version       version of the payload's shape for that type
 * @param occurredAt    when the change happened in the publishing service
 * @param tenant        the client company the event belongs to; {@code null} for platform-level events
 * @param correlationId the request id that caused the change, carried across services
 * @param payload       the type-specific content
 */
public record EventEnvelope(
        UUID id,
        String type,
        int version,
        Instant occurredAt,
        String tenant,
        String correlationId,
        JsonNode payload) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(payload, "payload");
        if (!TYPE.matcher(type).matches()) {
            throw new IllegalArgumentException("event type must be dotted lower-case words: " + type);
        }
        if (version < 1) {
            throw new IllegalArgumentException("event version starts at 1: " + version);
        }
    }

    /** Same rule as the JSON schema's {@code type.pattern}. */
    public static final String TYPE_PATTERN = "^[a-z][a-z-]*(\\.[a-z][a-z-]*)+$";

    /** Compiled once: every envelope read or written checks its type (String.matches compiled it each time). */
    private static final Pattern TYPE = Pattern.compile(TYPE_PATTERN);
}
