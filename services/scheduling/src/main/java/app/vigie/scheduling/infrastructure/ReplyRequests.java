package app.vigie.scheduling.infrastructure;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.moderation.CaseNeedsReply;
import app.vigie.contracts.opinion.AlertRaised;
import app.vigie.platform.messaging.IdempotentConsumer;
import app.vigie.scheduling.application.Tasks;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Moderation's requests for a public reply ({@code case.needs-reply}) and opinion watch's alerts ({@code alert.raised})
 * become reply tasks, once each.
 */
@ApplicationScoped
public class ReplyRequests {

    static final String CONSUMER = "scheduling.reply-requests";
    static final String ALERTS = "scheduling.alerts";

    @Inject
    IdempotentConsumer once;
    @Inject
    Tasks tasks;

    @Incoming("reply-requests")
    public Uni<Void> consume(byte[] body) {
        EventEnvelope event = IdempotentConsumer.envelope(body);
        CaseNeedsReply request = EventPayloads.read(event, CaseNeedsReply.class);
        return once.applyOnce(CONSUMER, event, () -> tasks.fromCase(request)).replaceWithVoid();
    }

    @Incoming("alerts")
    public Uni<Void> alert(byte[] body) {
        EventEnvelope event = IdempotentConsumer.envelope(body);
        AlertRaised alert = EventPayloads.read(event, AlertRaised.class);
        return once.applyOnce(ALERTS, event, () -> tasks.fromAlert(alert)).replaceWithVoid();
    }
}
