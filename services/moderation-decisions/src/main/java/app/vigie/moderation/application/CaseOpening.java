package app.vigie.moderation.application;

import app.vigie.contracts.message.MessageReceived;
import app.vigie.moderation.domain.CaseCommands.OpenCase;
import app.vigie.moderation.infrastructure.CommunityCopies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Opens one case per message. The case id is the message id, so the same message delivered twice finds its case
 * already there and opens nothing.
 */
@ApplicationScoped
public class CaseOpening {

    private static final Logger LOG = Logger.getLogger(CaseOpening.class);

    @Inject
    CommandGateway commands;
    @Inject
    EventStore events;
    @Inject
    CommunityCopies communities;
    @Inject
    app.vigie.moderation.infrastructure.CaseMessages stored;
    @Inject
    app.vigie.moderation.infrastructure.OpenCases openCases;
    @Inject
    Clock clock;
    @ConfigProperty(name = "vigie.moderation.default-sla", defaultValue = "PT60M")
    Duration defaultSla;

    /** A new version of a message: its case takes the new triage, and is reopened if it was decided. */
    private void edited(MessageReceived m) {
        if (events.lastSequenceNumberFor(m.messageId().toString()).isEmpty()) {
            LOG.warnf("message %s version %d: no case for its first version; opening one for this version",
                    m.messageId(), m.version());
            openCase(m);
            return;
        }
        Duration sla = communities.recent(m.communityId()).map(c -> Duration.ofMinutes(c.decisionSlaMinutes()))
                .orElse(defaultSla);
        commands.sendAndWait(new app.vigie.moderation.domain.CaseCommands.RecordEdit(m.messageId(), m.version(),
                m.triage() == null ? null : m.triage().language(), m.triage() == null ? 0 : m.triage().risk(),
                m.triage() == null ? null : m.triage().suggestedCategory(), rules(m), m.hidden(),
                m.receivedAt().plus(sla), clock.instant()));
    }

    private static java.util.List<String> rules(MessageReceived m) {
        return m.triage() == null ? java.util.List.of()
                : m.triage().rules().stream().map(MessageReceived.Rule::rule).distinct().toList();
    }

    public boolean isOpen(java.util.UUID caseId) {
        return events.lastSequenceNumberFor(caseId.toString()).isPresent();
    }

    /** One message in its own transaction (the fallback when a batch fails, to isolate the message at fault). */
    @jakarta.transaction.Transactional
    public void open(MessageReceived m) {
        openAll(java.util.List.of(m));
    }

    /**
     * A batch of messages in one transaction: their contents and authors, then one case per new message (or the
     * new version of an existing case). The commands join the transaction, so the whole batch commits once.
     */
    @jakarta.transaction.Transactional
    public void openAll(java.util.List<MessageReceived> batch) {
        java.util.Map<String, MessageReceived> unique = new java.util.LinkedHashMap<>();
        batch.forEach(m -> unique.putIfAbsent(m.messageId() + "/" + m.version(), m));
        java.util.List<MessageReceived> messages = java.util.List.copyOf(unique.values());
        stored.rememberAll(messages);
        java.util.Set<java.util.UUID> open = openCases.among(messages.stream()
                .filter(m -> m.version() == 1).map(MessageReceived::messageId).toList());
        for (MessageReceived m : messages) {
            if (m.version() > 1) {
                edited(m);
            } else if (open.add(m.messageId())) {
                openCase(m);
            } else {
                LOG.debugf("message %s: its case is already open", m.messageId());
            }
        }
    }

    private void openCase(MessageReceived m) {
        var community = communities.recent(m.communityId());
        Duration sla = community.map(c -> Duration.ofMinutes(c.decisionSlaMinutes())).orElse(defaultSla);
        commands.sendAndWait(new OpenCase(m.messageId(), m.communityId(), m.tenant(), m.version(),
                m.triage() == null ? null : m.triage().language(), m.triage() == null ? 0 : m.triage().risk(),
                m.triage() == null ? null : m.triage().suggestedCategory(), rules(m), m.policyVersion(), m.hidden(),
                m.receivedAt().plus(sla), clock.instant(), m.moderationMode(),
                community.map(CommunityCopies.Community::autoApproveBelow).orElse(null)));
    }
}
