package app.vigie.moderation.infrastructure;

import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.EventTypes;
import app.vigie.contracts.message.MessageReceived;
import app.vigie.moderation.application.CaseOpening;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * {@code message.received} from intake: each new message opens its case.
 *
 * <p>The channel is read with explicit demand: up to {@code max-outstanding-messages} deliveries are asked for, and
 * one more each time one is settled. One thread (the case opener) takes whatever has arrived, up to
 * {@code vigie.moderation.open-batch}, and opens it in one transaction: one commit, and one append to the event
 * store, for hundreds of cases. A delivery is acknowledged once its batch has committed.
 *
 * <p>When a batch fails, its messages are opened one by one, so that only a message at fault is refused (and
 * dead-lettered). When the database does not answer, nothing is refused: the deliveries are kept, unacknowledged,
 * and opened again once it answers (RabbitMQ sends no more meanwhile: none is asked for).
 */
@ApplicationScoped
public class MessageEvents {

    private static final Logger LOG = Logger.getLogger(MessageEvents.class);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    @Inject
    @Channel("message-events")
    Multi<Message<byte[]>> deliveries;
    @Inject
    CaseOpening opening;
    @Inject
    OpenCases openCases;
    @ConfigProperty(name = "vigie.moderation.open-batch", defaultValue = "500")
    int maxBatch;
    @ConfigProperty(name = "mp.messaging.incoming.message-events.max-outstanding-messages", defaultValue = "1000")
    int inFlight;

    private record Delivery(Message<byte[]> message, MessageReceived event) {
    }

    private final BlockingDeque<Delivery> waiting = new LinkedBlockingDeque<>();
    private volatile Flow.Subscription subscription;
    private volatile Thread opener;
    private final Object pause = new Object();
    private boolean paused;

    /**
     * Stops opening cases on this instance once the batch being opened (if any) is done: the deliveries already asked
     * for wait here, unacknowledged, and the rest wait in RabbitMQ (none more is asked for). For maintenance, and for
     * measuring how fast a backlog drains.
     */
    public void pause() {
        synchronized (pause) {
            paused = true;
        }
        LOG.info("case opening paused");
    }

    public void resume() {
        synchronized (pause) {
            paused = false;
            pause.notifyAll();
        }
        LOG.info("case opening resumed");
    }

    public boolean paused() {
        synchronized (pause) {
            return paused;
        }
    }

    /** Deliveries received and not yet opened. */
    public int waiting() {
        return waiting.size();
    }

    void start(@Observes StartupEvent event) {
        opener = Thread.ofPlatform().name("case-opener").daemon().start(this::openBatches);
        deliveries.subscribe().withSubscriber(new MultiSubscriber<Message<byte[]>>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(inFlight);
            }

            @Override
            public void onItem(Message<byte[]> message) {
                received(message);
            }

            @Override
            public void onFailure(Throwable failure) {
                LOG.error("the message.received channel failed: no case is opened until the service restarts", failure);
            }

            @Override
            public void onCompletion() {
                LOG.info("the message.received channel completed");
            }
        });
    }

    void stop(@Observes ShutdownEvent event) {
        if (opener != null) {
            opener.interrupt(); // unacknowledged deliveries go back to the queue when the connection closes
        }
    }

    /** The envelope of a {@code message.received} with its payload, read in one pass (not through a JSON tree). */
    private record Received(UUID id, String type, int version, MessageReceived payload) {
    }

    /** On the connector's event loop: read the envelope; a body that is not a message.received is refused. */
    private void received(Message<byte[]> message) {
        MessageReceived event;
        try {
            Received received = EventPayloads.mapper().readValue(message.getPayload(), Received.class);
            if (!EventTypes.MESSAGE_RECEIVED.equals(received.type()) || received.payload() == null
                    || received.payload().messageId() == null) {
                throw new IllegalArgumentException("not a message.received: " + received.type() + " " + received.id());
            }
            event = received.payload();
        } catch (IOException | RuntimeException unreadable) {
            LOG.warnf(unreadable, "a message.received delivery is not readable: dead-lettered");
            settled(List.of(), List.of(new Refusal(message, unreadable)));
            return;
        }
        waiting.add(new Delivery(message, event));
    }

    private void openBatches() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                synchronized (pause) {
                    while (paused) {
                        pause.wait();
                    }
                }
                Delivery first = waiting.take();
                synchronized (pause) {
                    if (paused) { // paused while this thread waited for a delivery: it waits with the others
                        waiting.putFirst(first);
                        continue;
                    }
                }
                List<Delivery> batch = new ArrayList<>();
                batch.add(first);
                // a moment for the rest of a burst to arrive, then whatever is there
                Delivery more = waiting.poll(2, TimeUnit.MILLISECONDS);
                if (more != null) {
                    batch.add(more);
                }
                waiting.drainTo(batch, maxBatch - batch.size());
                openUntilSettled(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable e) {
                LOG.error("case opener: unexpected failure, going on", e);
            }
        }
    }

    /** Opens the batch; while the database does not answer, tries again, pausing longer each time (up to 30 s). */
    private void openUntilSettled(List<Delivery> batch) throws InterruptedException {
        List<Delivery> left = batch;
        Duration pause = Duration.ofSeconds(1);
        while (true) {
            left = open(left);
            if (left.isEmpty()) {
                return;
            }
            LOG.warnf("the database does not answer: %d message.received kept, trying again in %s", left.size(), pause);
            Thread.sleep(pause.toMillis());
            pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
        }
    }

    private record Refusal(Message<byte[]> message, Throwable reason) {
    }

    /**
     * Opens the batch in one transaction, or else its messages one at a time. Returns the deliveries that could not
     * be opened because the database did not answer (to try again), having settled all the others.
     */
    private List<Delivery> open(List<Delivery> batch) {
        try {
            opening.openAll(batch.stream().map(Delivery::event).toList());
            settled(batch.stream().map(Delivery::message).toList(), List.of());
            return List.of();
        } catch (Throwable batchFailure) {
            LOG.debugf(batchFailure, "a batch of %d messages failed; opening them one by one", batch.size());
        }
        List<Message<byte[]>> opened = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            Delivery d = batch.get(i);
            try {
                opening.open(d.event());
                opened.add(d.message());
            } catch (Throwable e) {
                if (!openCases.databaseAnswers()) {
                    settled(opened, refused);
                    return batch.subList(i, batch.size());
                }
                if (openedMeanwhile(d.event())) {
                    opened.add(d.message()); // another delivery of the same message opened it
                } else {
                    LOG.warnf(e, "message %s version %d cannot be opened: dead-lettered", d.event().messageId(),
                            d.event().version());
                    refused.add(new Refusal(d.message(), e));
                }
            }
        }
        settled(opened, refused);
        return List.of();
    }

    private boolean openedMeanwhile(MessageReceived message) {
        return message.version() == 1 && opening.isOpen(message.messageId());
    }

    /** Acknowledges the opened, refuses the others (dead-lettered), and asks RabbitMQ for as many more. */
    private void settled(List<Message<byte[]>> opened, List<Refusal> refused) {
        opened.forEach(m -> m.ack().exceptionally(e -> {
            LOG.warnf(e, "an acknowledgement failed: the delivery comes again and finds its case open");
            return null;
        }));
        refused.forEach(r -> r.message().nack(r.reason()));
        int settled = opened.size() + refused.size();
        if (settled > 0 && subscription != null) {
            subscription.request(settled);
        }
    }
}
