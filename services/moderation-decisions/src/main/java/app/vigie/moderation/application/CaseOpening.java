package app.vigie.moderation.application;

import app.vigie.contracts.message.MessageReceived;
import app.vigie.moderation.domain.CaseCommands.OpenCase;
import app.vigie.moderation.domain.CaseCommands.RecordEdit;
import app.vigie.moderation.infrastructure.CaseMessages;
import app.vigie.moderation.infrastructure.CommunityCopies;
import app.vigie.moderation.infrastructure.OpenCases;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
    CommunityCopies communities;
    @Inject
    CaseMessages stored;
    @Inject
    OpenCases openCases;
    @Inject
    Clock clock;
    @ConfigProperty(name = "vigie.moderation.default-sla", defaultValue = "PT60M")
    Duration defaultSla;

    public boolean isOpen(UUID caseId) {
        return !openCases.among(List.of(caseId)).isEmpty();
    }

    /** One message in its own transaction (the fallback when a batch fails, to isolate the message at fault). */
    @Transactional
    public void open(MessageReceived m) {
        openAll(List.of(m));
    }

    /**
     * A batch of messages in one transaction: their contents and authors, then one case per new message (or the
     * new version of an existing case). The commands join the transaction, so the whole batch commits once.
     */
    @Transactional
    public void openAll(List<MessageReceived> batch) {
        Map<String, MessageReceived> unique = new LinkedHashMap<>();
        batch.forEach(m -> unique.putIfAbsent(m.messageId() + "/" + m.version(), m));
        List<MessageReceived> messages = List.copyOf(unique.values());
        stored.rememberAll(messages);
        // the cases of this batch's messages that exist already; those opened below join them
        Set<UUID> cases = openCases.among(messages.stream().map(MessageReceived::messageId).distinct().toList());
        inOneUnitOfWork(() -> {
            for (MessageReceived m : messages) {
                if (!cases.add(m.messageId())) {
                    if (m.version() > 1) {
                        edited(m);
                    } else {
                        LOG.debugf("message %s: its case is already open", m.messageId());
                    }
                } else {
                    if (m.version() > 1) {
                        LOG.warnf("message %s version %d: no case for its first version; opening one for this version",
                                m.messageId(), m.version());
                    }
                    openCase(m);
                }
            }
        });
    }

    /**
     * The batch's commands in one Axon unit of work: each command still runs in its own (nested) unit, but their
     * events are appended when this one commits, in one statement batch instead of one per case.
     */
    private static void inOneUnitOfWork(Runnable commands) {
        UnitOfWork<?> unit = DefaultUnitOfWork.startAndGet(null);
        try {
            commands.run();
        } catch (RuntimeException | Error e) {
            unit.rollback(e);
            throw e;
        }
        unit.commit();
    }

    private void openCase(MessageReceived m) {
        var community = communities.recent(m.communityId());
        Duration sla = community.map(c -> Duration.ofMinutes(c.decisionSlaMinutes())).orElse(defaultSla);
        commands.sendAndWait(Actor.CASE_OPENING.command(new OpenCase(m.messageId(), m.communityId(), m.tenant(),
                m.version(), m.triage() == null ? null : m.triage().language(), m.triage() == null ? 0 : m.triage().risk(),
                m.triage() == null ? null : m.triage().suggestedCategory(), rules(m), m.policyVersion(), m.hidden(),
                m.receivedAt().plus(sla), clock.instant(), m.moderationMode(),
                community.map(CommunityCopies.Community::autoApproveBelow).orElse(null))));
    }

    /** A new version of a message: its case takes the new triage, and is reopened if it was decided. */
    private void edited(MessageReceived m) {
        Duration sla = communities.recent(m.communityId()).map(c -> Duration.ofMinutes(c.decisionSlaMinutes()))
                .orElse(defaultSla);
        commands.sendAndWait(Actor.CASE_OPENING.command(new RecordEdit(m.messageId(), m.version(),
                m.triage() == null ? null : m.triage().language(), m.triage() == null ? 0 : m.triage().risk(),
                m.triage() == null ? null : m.triage().suggestedCategory(), rules(m), m.hidden(),
                m.receivedAt().plus(sla), clock.instant())));
    }

    private static List<String> rules(MessageReceived m) {
        return m.triage() == null ? List.of()
                : m.triage().rules().stream().map(MessageReceived.Rule::rule).distinct().toList();
    }
}
