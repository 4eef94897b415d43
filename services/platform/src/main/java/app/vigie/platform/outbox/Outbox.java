package app.vigie.platform.outbox;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.platform.id.UuidV7;
import app.vigie.platform.request.RequestIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Records an integration event in the service's {@code outbox_event} table, inside the caller's current
 * Hibernate Reactive transaction: the event exists if and only if the change it reports was committed.
 * {@link OutboxRelay} publishes it afterwards.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    Clock clock;

    /**
     * Appends one event. Must run inside {@code Panache.withTransaction} (or {@code @WithTransaction}) with the
     * state change it reports.
     */
    public Uni<EventEnvelope> append(String type, int version, String tenant, Object payload) {
        EventEnvelope event = new EventEnvelope(UuidV7.generate(clock), type, version, clock.instant(), tenant,
                RequestIds.current(), EventPayloads.toTree(payload));
        // The payload goes in as text and is parsed by PostgreSQL: bound directly to a jsonb parameter, the
        // reactive driver would store it as one JSON string.
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into outbox_event (id, type, version, occurred_at, tenant, correlation_id, payload)
                        values (:id, :type, :version, :occurredAt, :tenant, :correlationId, cast(cast(:payload as text) as jsonb))""")
                .setParameter("id", event.id())
                .setParameter("type", event.type())
                .setParameter("version", event.version())
                .setParameter("occurredAt", OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC))
                .setParameter("tenant", event.tenant())
                .setParameter("correlationId", event.correlationId())
                .setParameter("payload", event.payload().toString())
                .executeUpdate())
                .replaceWith(event);
    }
}
