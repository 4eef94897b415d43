package app.vigie.moderation.infrastructure;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.message.MessageReceived;
import app.vigie.moderation.application.CaseOpening;
import app.vigie.platform.messaging.IdempotentConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** {@code message.received} from intake: each new message opens its case. */
@ApplicationScoped
public class MessageEvents {

    @Inject
    CaseOpening opening;

    @Incoming("message-events")
    @Blocking
    public void consume(byte[] body) {
        EventEnvelope event = IdempotentConsumer.envelope(body);
        opening.open(EventPayloads.read(event, MessageReceived.class));
    }
}
