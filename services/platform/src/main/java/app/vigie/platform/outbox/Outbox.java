package app.vigie.platform.outbox;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.platform.id.UuidV7;
import app.vigie.platform.request.RequestIds;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Records integration events in the service's {@code outbox_event} table, inside the caller's current
 * Hibernate Reactive transaction: an event exists if and only if the change it reports was committed.
 * {@link OutboxRelay} publishes them afterwards.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    Clock clock;

    /**
     * An event to record: its type and schema version, the tenant it concerns, its payload, and the request it
     * comes from (null: the current one).
     */
    public record Event(String type, int version, String tenant, Object payload, String correlationId) {

        public Event(String type, int version, String tenant, Object payload) {
            this(type, version, tenant, payload, null);
        }
    }

    /**
     * Appends one event. Must run inside {@code Panache.withTransaction} (or {@code @WithTransaction}) with the
     * state change it reports.
     */
    public Uni<EventEnvelope> append(String type, int version, String tenant, Object payload) {
        return appendAll(List.of(new Event(type, version, tenant, payload))).map(List::getFirst);
    }

    /**
     * Appends one event through plain JDBC on {@code connection} (for services whose writes are JDBC, inside their
     * JTA transaction), under an id the caller derives from what it reports: appending the same id again does
     * nothing, so a handler that runs twice (redelivery, replay) publishes once.
     */
    public void appendOnce(java.sql.Connection connection, UUID id, String type, int version, String tenant,
                           String correlationId, Object payload) throws java.sql.SQLException {
        try (var insert = connection.prepareStatement("""
                insert into outbox_event (id, type, version, occurred_at, tenant, correlation_id, payload)
                values (?, ?, ?, ?, ?, ?, cast(? as jsonb))
                on conflict (id) do nothing""")) {
            insert.setObject(1, id);
            insert.setString(2, type);
            insert.setInt(3, version);
            insert.setObject(4, java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC));
            insert.setString(5, tenant);
            insert.setString(6, correlationId);
            insert.setString(7, EventPayloads.toTree(payload).toString());
            insert.executeUpdate();
        }
    }

    /**
     * Appends events in one statement, in order (a batch of a thousand messages costs one round trip, not a
     * thousand). Same transaction rule as {@link #append}.
     */
    public Uni<List<EventEnvelope>> appendAll(List<Event> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = clock.instant();
        String correlationId = RequestIds.current();
        List<EventEnvelope> envelopes = events.stream()
                .map(e -> new EventEnvelope(UuidV7.generate(clock), e.type(), e.version(), now, e.tenant(),
                        e.correlationId() != null ? e.correlationId() : correlationId, EventPayloads.toTree(e.payload())))
                .toList();
        // All rows travel as one JSON document that PostgreSQL unpacks: one parameter whatever the batch size,
        // and the payload reaches the jsonb column as JSON (bound directly, the reactive driver would store a
        // JSON string).
        ArrayNode rows = EventPayloads.mapper().createArrayNode();
        for (EventEnvelope e : envelopes) {
            ObjectNode row = rows.addObject();
            row.put("id", e.id().toString());
            row.put("type", e.type());
            row.put("version", e.version());
            row.put("occurred_at", e.occurredAt().toString());
            row.put("tenant", e.tenant());
            row.put("correlation_id", e.correlationId());
            row.set("payload", e.payload());
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into outbox_event (id, type, version, occurred_at, tenant, correlation_id, payload)
                        select id, type, version, occurred_at, tenant, correlation_id, payload
                          from json_to_recordset(cast(cast(:rows as text) as json))
                               as r(id uuid, type text, version integer, occurred_at timestamptz, tenant text,
                                    correlation_id text, payload jsonb)""")
                .setParameter("rows", rows.toString())
                .executeUpdate())
                .replaceWith(envelopes);
    }
}
