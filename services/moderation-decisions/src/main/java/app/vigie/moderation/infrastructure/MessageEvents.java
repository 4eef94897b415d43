package app.vigie.moderation.infrastructure;

import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.message.MessageReceived;
import app.vigie.moderation.application.CaseOpening;
import app.vigie.platform.messaging.IdempotentConsumer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * {@code message.received} from intake: each new message opens its case. Deliveries are gathered into batches
 * (up to {@code vigie.moderation.open-batch}, as many as are waiting) that one thread opens in one transaction:
 * one commit for hundreds of cases instead of one each. A delivery is acknowledged only once its batch has
 * committed. When a batch fails, its messages are retried one by one, so that only the one at fault is refused
 * (and dead-lettered).
 */
@ApplicationScoped
public class MessageEvents {

    private static final Logger LOG = Logger.getLogger(MessageEvents.class);

    @Inject
    CaseOpening opening;
    @ConfigProperty(name = "vigie.moderation.open-batch", defaultValue = "500")
    int maxBatch;

    private record Delivery(MessageReceived message, CompletableFuture<Void> done) {
    }

    private final BlockingQueue<Delivery> waiting = new LinkedBlockingQueue<>();
    private volatile Thread opener;

    void start(@Observes StartupEvent event) {
        opener = Thread.ofPlatform().name("case-opener").daemon().start(this::openBatches);
    }

    void stop(@Observes ShutdownEvent event) {
        if (opener != null) {
            opener.interrupt();
        }
    }

    /**
     * Runs on worker threads, many at once (a delivery waits here for its batch), so that batches can form: the
     * connector hands over the next delivery only when a worker is free.
     */
    @Incoming("message-events")
    @Blocking(ordered = false)
    public void consume(byte[] body) {
        MessageReceived message = EventPayloads.read(IdempotentConsumer.envelope(body), MessageReceived.class);
        Delivery delivery = new Delivery(message, new CompletableFuture<>());
        waiting.add(delivery);
        try {
            // bounded: should the opener ever stop, the delivery fails (and is redelivered) instead of hanging
            delivery.done().get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException | InterruptedException e) {
            throw new IllegalStateException("message " + message.messageId() + " was not opened in time", e);
        }
    }

    private void openBatches() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                List<Delivery> batch = new ArrayList<>();
                batch.add(waiting.take());
                // a moment for the rest of a burst to arrive, then whatever is there
                Delivery more = waiting.poll(2, TimeUnit.MILLISECONDS);
                if (more != null) {
                    batch.add(more);
                }
                waiting.drainTo(batch, maxBatch - batch.size());
                open(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                LOG.error("case opener: unexpected failure, going on", e);
            }
        }
    }

    /** Every delivery of the batch is completed, whatever happens: none may wait for ever. */
    private void open(List<Delivery> batch) {
        try {
            opening.openAll(batch.stream().map(Delivery::message).toList());
            batch.forEach(d -> d.done().complete(null));
        } catch (Throwable batchFailure) {
            LOG.debugf(batchFailure, "a batch of %d messages failed; opening them one by one", batch.size());
            for (Delivery d : batch) {
                try {
                    opening.open(d.message());
                    d.done().complete(null);
                } catch (Throwable e) {
                    if (openedMeanwhile(d.message())) {
                        d.done().complete(null);
                    } else {
                        d.done().completeExceptionally(e);
                    }
                }
            }
        }
    }

    /** Whether the case of a first version exists after all (another delivery of the same message opened it). */
    private boolean openedMeanwhile(MessageReceived message) {
        try {
            return message.version() == 1 && opening.isOpen(message.messageId());
        } catch (RuntimeException e) {
            return false; // the database is away: the delivery fails and is retried later
        }
    }
}
