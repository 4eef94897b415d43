package app.vigie.moderation.infrastructure;

import app.vigie.contracts.EventTypes;
import app.vigie.contracts.moderation.CaseDecided;
import app.vigie.contracts.moderation.CaseEscalatedEvent;
import app.vigie.contracts.moderation.CaseNeedsReply;
import app.vigie.moderation.domain.AppealOutcome;
import app.vigie.moderation.domain.CaseEvents;
import app.vigie.moderation.domain.CaseEvents.CaseApproved;
import app.vigie.moderation.domain.CaseEvents.CaseEscalated;
import app.vigie.moderation.domain.CaseEvents.CaseRejected;
import app.vigie.platform.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;

/**
 * Turns decisions into integration events. It runs in its own streaming processor: the outbox row commits with
 * the processor's token, and its id is the Axon event's id, so a decision is published once even if the service
 * stops between the two.
 */
@ApplicationScoped
@ProcessingGroup(Axon.INTEGRATION)
public class DecisionPublisher {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Outbox outbox;

    @EventHandler
    void on(CaseApproved e, @MessageIdentifier String eventId) throws SQLException {
        publish(eventId, EventTypes.CASE_DECIDED, CaseDecided.VERSION, e.tenant(), e.caseId(),
                new CaseDecided(e.caseId(), e.caseId(), e.communityId(), e.tenant(), "APPROVED", null, null, null,
                        null, e.policyVersion(), e.moderator(), e.decidedAt(), null, false));
    }

    @EventHandler
    void on(CaseRejected e, @MessageIdentifier String eventId) throws SQLException {
        publish(eventId, EventTypes.CASE_DECIDED, CaseDecided.VERSION, e.tenant(), e.caseId(),
                new CaseDecided(e.caseId(), e.caseId(), e.communityId(), e.tenant(), "REJECTED", e.category(),
                        e.ground().name(), e.explanation(), statementOfReasons(eventId), e.policyVersion(),
                        e.moderator(), e.decidedAt(), e.action().name(), false));
    }

    @EventHandler
    void on(CaseEscalated e, @MessageIdentifier String eventId) throws SQLException {
        publish(eventId, EventTypes.CASE_ESCALATED, CaseEscalatedEvent.VERSION, e.tenant(), e.caseId(),
                new CaseEscalatedEvent(e.caseId(), e.caseId(), e.tenant(), e.moderator(), e.reason(), e.escalatedAt()));
    }

    @EventHandler
    void on(CaseEvents.CaseAutoApproved e, @MessageIdentifier String eventId) throws SQLException {
        publish(eventId, EventTypes.CASE_DECIDED, CaseDecided.VERSION, e.tenant(), e.caseId(),
                new CaseDecided(e.caseId(), e.caseId(), e.communityId(), e.tenant(), "APPROVED", null, null,
                        "Risk " + e.risk() + " below the policy's automatic approval threshold " + e.threshold(), null,
                        e.policyVersion(), app.vigie.moderation.domain.ModerationCase.POLICY, e.decidedAt(), null,
                        true));
    }

    /** Only a reversed decision changes what the client must enforce; an upheld one is already in force. */
    @EventHandler
    void on(CaseEvents.AppealDecided e, @MessageIdentifier String eventId) throws SQLException {
        if (e.outcome() != AppealOutcome.REVERSE) {
            return;
        }
        boolean rejected = "REJECTED".equals(e.decision());
        publish(eventId, EventTypes.CASE_DECIDED, CaseDecided.VERSION, e.tenant(), e.caseId(),
                new CaseDecided(e.caseId(), e.caseId(), e.communityId(), e.tenant(), e.decision(),
                        rejected ? e.category() : null, rejected ? e.ground().name() : null, e.explanation(),
                        rejected ? statementOfReasons(eventId) : null, e.policyVersion(), e.moderator(), e.decidedAt(),
                        rejected ? e.action().name() : null, false));
    }

    @EventHandler
    void on(CaseEvents.CaseReplyRequested e, @MessageIdentifier String eventId) throws SQLException {
        publish(eventId, EventTypes.CASE_NEEDS_REPLY, CaseNeedsReply.VERSION, e.tenant(), e.caseId(),
                new CaseNeedsReply(e.caseId(), e.caseId(), e.communityId(), e.tenant(), e.moderator(), e.note(),
                        e.requestedAt(), language(e.caseId())));
    }

    /** The message's language, from the queue (the case's events carry it only when it opens or is edited). */
    private String language(UUID caseId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             var select = connection.prepareStatement("select language from case_queue where case_id = ?")) {
            select.setObject(1, caseId);
            try (var r = select.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    /** The statement of reasons of a rejection is named after the event that records it. */
    static String statementOfReasons(String eventId) {
        return "sor-" + eventId;
    }

    private void publish(String eventId, String type, int version, String tenant, UUID caseId, Object payload)
            throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            outbox.appendOnce(connection, UUID.fromString(eventId), type, version, tenant, caseId.toString(), payload);
        }
    }
}
