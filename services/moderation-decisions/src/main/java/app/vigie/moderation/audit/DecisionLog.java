package app.vigie.moderation.audit;

import app.vigie.contracts.EventPayloads;
import app.vigie.moderation.application.Actor;
import app.vigie.moderation.domain.CaseEvents;
import app.vigie.moderation.domain.ModerationCase;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.messaging.annotation.MetaDataValue;

/**
 * The decision log ({@code decision_log}): one row per decision, appeal, appeal decision and automatic hiding, kept
 * by the {@code audit-log} processor from the case events. Auditors query it by moderator, community and time;
 * statements of reasons and transparency reports are made from it. Idempotent on the event id, so a replay
 * rebuilds the same rows.
 */
@ApplicationScoped
@ProcessingGroup(DecisionLog.PROCESSOR)
public class DecisionLog {

    public static final String PROCESSOR = "audit-log";

    @Inject
    AgroalDataSource dataSource;

    @EventHandler
    void on(CaseEvents.CaseApproved e, @MessageIdentifier String id, @MetaDataValue(Actor.ROLE) String role)
            throws SQLException {
        insert(new Row(id, e.caseId(), e.tenant(), e.communityId(), "DECISION", "APPROVED", e.moderator(), role, false,
                null, null, null, null, null, null, e.policyVersion(), e.decidedAt()));
    }

    @EventHandler
    void on(CaseEvents.CaseRejected e, @MessageIdentifier String id, @MetaDataValue(Actor.ROLE) String role)
            throws SQLException {
        insert(new Row(id, e.caseId(), e.tenant(), e.communityId(), "DECISION", "REJECTED", e.moderator(), role, false,
                e.category().name(), e.ground().name(), e.reference(), e.explanation(), e.action().name(), null,
                e.policyVersion(), e.decidedAt()));
    }

    @EventHandler
    void on(CaseEvents.CaseAutoApproved e, @MessageIdentifier String id) throws SQLException {
        insert(new Row(id, e.caseId(), e.tenant(), e.communityId(), "DECISION", "APPROVED", ModerationCase.POLICY,
                "system", true, null, null, null,
                "Risk " + e.risk() + " below the policy's automatic approval threshold " + e.threshold(), null, null,
                e.policyVersion(), e.decidedAt()));
    }

    /** Hidden by the policy until a moderator decides: a restriction of visibility, automated (DSA art. 17). */
    @EventHandler
    void on(CaseEvents.CaseAutoHidden e, @MessageIdentifier String id) throws SQLException {
        insert(new Row(id, e.caseId(), e.tenant(), e.communityId(), "AUTO_HIDE", null, ModerationCase.POLICY, "system",
                true, null, null, null, "Risk " + e.risk() + " above the policy's automatic hiding threshold",
                "HIDDEN", null, e.policyVersion(), e.hiddenAt()));
    }

    @EventHandler
    void on(CaseEvents.CaseAppealed e, @MessageIdentifier String id, @MetaDataValue(Actor.ROLE) String role)
            throws SQLException {
        insert(new Row(id, e.caseId(), e.tenant(), null, "APPEAL", e.decisionUnderAppeal(), e.appellant(), role, false,
                null, null, null, e.reason(), null, null, null, e.appealedAt()));
    }

    @EventHandler
    void on(CaseEvents.AppealDecided e, @MessageIdentifier String id, @MetaDataValue(Actor.ROLE) String role)
            throws SQLException {
        boolean rejected = "REJECTED".equals(e.decision());
        insert(new Row(id, e.caseId(), e.tenant(), e.communityId(), "APPEAL_DECISION", e.decision(), e.moderator(), role,
                false, rejected && e.category() != null ? e.category().name() : null,
                rejected && e.ground() != null ? e.ground().name() : null, rejected ? e.reference() : null,
                e.explanation(), rejected && e.action() != null ? e.action().name() : null, e.outcome().name(),
                e.policyVersion(), e.decidedAt()));
    }

    @ResetHandler
    void reset() throws SQLException {
        try (Connection c = dataSource.getConnection(); var delete = c.createStatement()) {
            delete.executeUpdate("delete from decision_log");
        }
    }

    private record Row(String eventId, UUID caseId, String tenant, UUID communityId, String kind, String decision,
                       String actor, String role, boolean automated, String category, String ground, String reference,
                       String explanation, String action, String appealOutcome, Integer policyVersion,
                       Instant occurredAt) {
    }

    /**
     * With the case's opening (its first event: when, in which language), read from the event store by index, so
     * that the time to decision and the content's language need no other projection.
     */
    private void insert(Row row) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            Instant openedAt = null;
            String language = null;
            String suggested = null;
            boolean detected = false;
            UUID community = row.communityId();
            try (PreparedStatement opened = c.prepareStatement("""
                    select time_stamp, payload from domain_event_entry
                     where aggregate_identifier = ? and sequence_number = 0""")) {
                opened.setString(1, row.caseId().toString());
                try (ResultSet r = opened.executeQuery()) {
                    if (r.next()) {
                        openedAt = Instant.parse(r.getString(1));
                        var payload = EventPayloads.mapper().readTree(r.getBytes(2));
                        language = payload.path("language").isTextual() ? payload.get("language").asText() : null;
                        suggested = payload.path("suggestedCategory").isTextual()
                                ? payload.get("suggestedCategory").asText() : null;
                        detected = suggested != null || payload.path("rulesFired").size() > 0;
                        if (community == null && payload.path("communityId").isTextual()) {
                            community = UUID.fromString(payload.get("communityId").asText());
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new SQLException("the opening of case " + row.caseId() + " is not readable", e);
                }
            }
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into decision_log (event_id, case_id, tenant, community_id, kind, decision, actor, actor_role,
                                              automated, category, ground, reference, explanation, action,
                                              appeal_outcome, policy_version, language, opened_at, occurred_at,
                                              automated_detection, suggested_category)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (event_id) do nothing""")) {
                insert.setString(1, row.eventId());
                insert.setObject(2, row.caseId());
                insert.setString(3, row.tenant());
                insert.setObject(4, community);
                insert.setString(5, row.kind());
                insert.setString(6, row.decision());
                insert.setString(7, row.actor());
                insert.setString(8, row.role());
                insert.setBoolean(9, row.automated());
                insert.setString(10, row.category());
                insert.setString(11, row.ground());
                insert.setString(12, row.reference());
                insert.setString(13, row.explanation());
                insert.setString(14, row.action());
                insert.setString(15, row.appealOutcome());
                insert.setObject(16, row.policyVersion());
                insert.setString(17, language);
                insert.setTimestamp(18, openedAt == null ? null : Timestamp.from(openedAt));
                insert.setTimestamp(19, Timestamp.from(row.occurredAt()));
                insert.setBoolean(20, detected);
                insert.setString(21, suggested);
                insert.executeUpdate();
            }
        }
    }
}
