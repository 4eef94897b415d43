package app.vigie.moderation.infrastructure;

import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.message.MessageReceived;
import app.vigie.moderation.application.CaseOpening;
import app.vigie.platform.messaging.IdempotentConsumer;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * {@code message.received} from intake: each new message opens its case. Messages are handled concurrently on
 * worker threads (several transactions commit together); the same message delivered twice at once opens one case,
 * the loser of the race finding the winner's.
 */
@ApplicationScoped
public class MessageEvents {

    @Inject
    CaseOpening opening;

    @Incoming("message-events")
    @Blocking(ordered = false)
    public void consume(byte[] body) {
        MessageReceived message = EventPayloads.read(IdempotentConsumer.envelope(body), MessageReceived.class);
        try {
            opening.open(message);
        } catch (RuntimeException e) {
            if (message.version() == 1 && opening.isOpen(message.messageId())) {
                return; // opened meanwhile by a concurrent delivery of the same message
            }
            throw e;
        }
    }
}
