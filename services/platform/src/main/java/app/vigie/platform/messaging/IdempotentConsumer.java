package app.vigie.platform.messaging;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.platform.request.RequestIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Applies an event at most once per consumer, although RabbitMQ delivers it at least once. The event id is
 * recorded in {@code processed_event} in the same transaction as the consumer's own changes: a redelivery finds
 * the id and changes nothing; a failure rolls both back so that the redelivery applies it.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    /**
     * Runs {@code apply} in a transaction unless {@code consumer} has already processed {@code event}.
     *
     * @return true when the event was applied now, false when it had been applied before
     */
    public Uni<Boolean> applyOnce(String consumer, EventEnvelope event, Supplier<Uni<?>> apply) {
        RequestIds.use(event.correlationId());
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                insert into processed_event (consumer, event_id, event_type)
                                values (:consumer, :id, :type)
                                on conflict do nothing""")
                        .setParameter("consumer", consumer)
                        .setParameter("id", event.id())
                        .setParameter("type", event.type())
                        .executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        LOG.debugf("%s: event %s (%s) already processed, ignored", consumer, event.id(), event.type());
                        return Uni.createFrom().item(false);
                    }
                    return apply.get().replaceWith(true);
                }));
    }

    /** Reads a delivery's body as an envelope; a body that is not one fails the delivery (it is dead-lettered). */
    public static EventEnvelope envelope(byte[] body) {
        return EventPayloads.deserialize(body);
    }
}
