package app.vigie.intake.infrastructure;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.moderation.CaseDecided;
import app.vigie.intake.application.Enforcement;
import app.vigie.platform.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Receives {@code case.decided}: once per event, whatever RabbitMQ redelivers. */
@ApplicationScoped
public class DecisionConsumer {

    @Inject
    IdempotentConsumer once;
    @Inject
    Enforcement enforcement;

    @Incoming("case-decisions")
    public Uni<Void> consume(byte[] body) {
        EventEnvelope event = IdempotentConsumer.envelope(body);
        CaseDecided decision = EventPayloads.read(event, CaseDecided.class);
        return once.applyOnce("message-intake.enforcement", event, () -> enforcement.decided(event, decision))
                .replaceWithVoid();
    }
}
