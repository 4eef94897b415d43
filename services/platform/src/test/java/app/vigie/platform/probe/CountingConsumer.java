package app.vigie.platform.probe;

import app.vigie.contracts.EventEnvelope;
import app.vigie.platform.messaging.IdempotentConsumer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Counts {@code probe.counted} events per counter name, once per event id however often RabbitMQ delivers it. */
@ApplicationScoped
public class CountingConsumer {

    @Inject
    IdempotentConsumer once;

    @Incoming("probe-events")
    public Uni<Void> consume(byte[] body) {
        EventEnvelope event = IdempotentConsumer.envelope(body);
        String counter = event.payload().path("counter").asText();
        if (counter.equals("poison")) {
            return Uni.createFrom().failure(new IllegalArgumentException("poison event"));
        }
        return once.applyOnce("probe-counter", event, () -> Panache.getSession()
                        .chain(s -> s.createNativeQuery("""
                                        insert into probe_counter (name, value) values (:name, 1)
                                        on conflict (name) do update set value = probe_counter.value + 1""")
                                .setParameter("name", counter)
                                .executeUpdate()))
                .replaceWithVoid();
    }
}
