package app.vigie.moderation.application;

import app.vigie.contracts.message.MessageReceived;
import app.vigie.moderation.domain.CaseCommands.OpenCase;
import app.vigie.moderation.infrastructure.CommunityCopies;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
    app.vigie.moderation.infrastructure.AuthorRecords authors;
    @Inject
    Clock clock;
    @ConfigProperty(name = "vigie.moderation.default-sla", defaultValue = "PT60M")
    Duration defaultSla;

    public void open(MessageReceived m) {
        if (m.version() > 1) {
            // An edit of a message already in moderation: re-reviewing versions comes with appeals (issue 6, next step).
            LOG.debugf("message %s version %d: edits do not open a new case", m.messageId(), m.version());
            return;
        }
        // before the case, so that a crash in between leaves nothing to lose: a redelivery finds the case, not the author
        authors.remember(m.messageId(), m.communityId(), m.tenant(), m.author() == null ? null : m.author().id(),
                m.author() == null ? null : m.author().name(), m.receivedAt());
        if (events.lastSequenceNumberFor(m.messageId().toString()).isPresent()) {
            LOG.debugf("message %s: its case is already open", m.messageId());
            return;
        }
        Instant openedAt = clock.instant();
        var community = communities.find(m.communityId());
        Duration sla = community.map(c -> Duration.ofMinutes(c.decisionSlaMinutes())).orElse(defaultSla);
        commands.sendAndWait(new OpenCase(m.messageId(), m.communityId(), m.tenant(), m.version(),
                m.triage() == null ? null : m.triage().language(), m.triage() == null ? 0 : m.triage().risk(),
                m.triage() == null ? null : m.triage().suggestedCategory(),
                m.triage() == null ? java.util.List.of() : m.triage().rules().stream().map(MessageReceived.Rule::rule).distinct().toList(),
                m.policyVersion(), m.hidden(), m.receivedAt().plus(sla), openedAt, m.moderationMode(),
                community.map(CommunityCopies.Community::autoApproveBelow).orElse(null)));
    }
}
