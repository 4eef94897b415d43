package app.vigie.moderation.infrastructure;

import app.vigie.moderation.domain.CaseEvents;
import app.vigie.moderation.domain.CaseEvents.CaseApproved;
import app.vigie.moderation.domain.CaseEvents.CaseClaimed;
import app.vigie.moderation.domain.CaseEvents.CaseEscalated;
import app.vigie.moderation.domain.CaseEvents.CaseLeaseExpired;
import app.vigie.moderation.domain.CaseEvents.CaseOpened;
import app.vigie.moderation.domain.CaseEvents.CaseRejected;
import app.vigie.moderation.domain.CaseEvents.CaseReleased;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The work queue, one row per case, kept from the case events by a streaming processor (its token commits with
 * the rows). Every handler is idempotent: replaying the stream rebuilds the same table.
 */
@ApplicationScoped
@ProcessingGroup(Axon.QUEUE)
public class CaseQueue {

    @Inject
    AgroalDataSource dataSource;

    /**
     * New rows are gathered while the processor works through its batch of events and inserted together (one JDBC
     * batch, one multi-row statement) before any other change to the table, and at the latest when the batch
     * commits: a burst of openings costs a few statements, not one per case.
     */
    @EventHandler
    void on(CaseOpened e) {
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        batch.getOrComputeResource(NEW_ROWS, key -> {
            List<CaseOpened> rows = new ArrayList<>();
            batch.onPrepareCommit(u -> insertNewRows());
            return rows;
        }).add(e);
    }

    private static final String NEW_ROWS = "case-queue.new-rows";

    private void insertNewRows() {
        if (!CurrentUnitOfWork.isStarted()) {
            return;
        }
        List<CaseOpened> rows = CurrentUnitOfWork.get().root().getResource(NEW_ROWS);
        if (rows == null || rows.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("""
                     insert into case_queue (case_id, community_id, tenant, language, risk, suggested_category, status,
                                             deadline, opened_at)
                     values (?, ?, ?, ?, ?, ?, 'OPEN', ?, ?)
                     on conflict (case_id) do nothing""")) {
            for (CaseOpened e : rows) {
                insert.setObject(1, e.caseId());
                insert.setObject(2, e.communityId());
                insert.setString(3, e.tenant());
                insert.setString(4, e.language());
                insert.setInt(5, e.risk());
                insert.setString(6, e.suggestedCategory() == null ? null : e.suggestedCategory().name());
                insert.setTimestamp(7, ts(e.deadline()));
                insert.setTimestamp(8, ts(e.openedAt()));
                insert.addBatch();
            }
            insert.executeBatch();
            rows.clear();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add " + rows.size() + " cases to the queue", e);
        }
    }

    @EventHandler
    void on(CaseEvents.CaseContentEdited e) throws SQLException {
        update("""
                update case_queue set language = ?, risk = ?, suggested_category = ?, deadline = ?,
                       status = case when ? then 'OPEN' else status end,
                       decision = case when ? then null else decision end,
                       decided_by = case when ? then null else decided_by end,
                       decided_at = case when ? then null else decided_at end,
                       category = case when ? then null else category end,
                       action = case when ? then null else action end,
                       appeal_open = case when ? then false else appeal_open end
                 where case_id = ?""",
                e.language(), e.risk(), e.suggestedCategory() == null ? null : e.suggestedCategory().name(),
                ts(e.deadline()), e.reopened(), e.reopened(), e.reopened(), e.reopened(), e.reopened(), e.reopened(),
                e.reopened(), e.caseId());
    }

    @EventHandler
    void on(CaseClaimed e) throws SQLException {
        update("update case_queue set status = 'CLAIMED', claimant = ?, lease_until = ? where case_id = ? and status <> 'DECIDED'",
                e.moderator(), ts(e.leaseUntil()), e.caseId());
    }

    @EventHandler
    void on(CaseReleased e) throws SQLException {
        backInQueue(e.caseId());
    }

    @EventHandler
    void on(CaseLeaseExpired e) throws SQLException {
        backInQueue(e.caseId());
    }

    @EventHandler
    void on(CaseEscalated e) throws SQLException {
        update("""
                update case_queue set status = 'OPEN', escalated = true, claimant = null, lease_until = null
                 where case_id = ? and status <> 'DECIDED'""", e.caseId());
    }

    @EventHandler
    void on(CaseApproved e) throws SQLException {
        exposed(e.caseId(), e.moderator(), null, e.decidedAt());
        decided(e.caseId(), "APPROVED", e.moderator(), e.decidedAt(), null);
    }

    @EventHandler
    void on(CaseRejected e) throws SQLException {
        exposed(e.caseId(), e.moderator(), e.category().name(), e.decidedAt());
        decided(e.caseId(), "REJECTED", e.moderator(), e.decidedAt(), e.category().name());
        update("update case_queue set action = ? where case_id = ?", e.action().name(), e.caseId());
    }

    @EventHandler
    void on(CaseEvents.CaseAutoApproved e) throws SQLException {
        decided(e.caseId(), "APPROVED", app.vigie.moderation.domain.ModerationCase.POLICY, e.decidedAt(), null);
    }

    @EventHandler
    void on(CaseEvents.CaseAppealed e) throws SQLException {
        update("update case_queue set status = 'OPEN', appeal_open = true where case_id = ?", e.caseId());
    }

    /**
     * Counts an exposure when the moderator decided on distressing content: the category they rejected it for, or
     * else what triage suggested. Same processor as the queue, so the case's row is there.
     */
    private void exposed(UUID caseId, String moderator, String category, Instant at) throws SQLException {
        update("""
                insert into exposure (moderator, case_id, tenant, category, decided_at)
                select ?, case_id, tenant, coalesce(cast(? as text), suggested_category), ?
                  from case_queue
                 where case_id = ? and coalesce(cast(? as text), suggested_category) in ('VIOLENCE', 'THREAT', 'SEXUAL', 'HATE')
                on conflict do nothing""", moderator, category, ts(at), caseId, category);
    }

    @EventHandler
    void on(CaseEvents.AppealDecided e) throws SQLException {
        exposed(e.caseId(), e.moderator(), e.category() == null ? null : e.category().name(), e.decidedAt());
        // upheld: the decision stays, with its category and action; reversed into a rejection: the new ones
        update("""
                update case_queue set status = 'DECIDED', appeal_open = false, decision = ?, decided_by = ?,
                       decided_at = ?, claimant = null, lease_until = null,
                       category = case when ? = 'APPROVED' then null else coalesce(?, category) end,
                       action = case when ? = 'APPROVED' then null else coalesce(?, action) end
                 where case_id = ?""",
                e.decision(), e.moderator(), ts(e.decidedAt()), e.decision(), categoryOf(e), e.decision(), actionOf(e),
                e.caseId());
    }

    private static String actionOf(CaseEvents.AppealDecided e) {
        return e.action() == null ? null : e.action().name();
    }

    private static String categoryOf(CaseEvents.AppealDecided e) {
        return e.category() == null ? null : e.category().name();
    }

    @ResetHandler
    void reset() throws SQLException {
        update("delete from case_queue");
        update("delete from exposure");
    }

    private void backInQueue(UUID caseId) throws SQLException {
        update("update case_queue set status = 'OPEN', claimant = null, lease_until = null where case_id = ? and status <> 'DECIDED'",
                caseId);
    }

    private void decided(UUID caseId, String decision, String by, Instant at, String category) throws SQLException {
        update("""
                update case_queue set status = 'DECIDED', decision = ?, decided_by = ?, decided_at = ?, category = ?,
                                      claimant = null, lease_until = null
                 where case_id = ?""", decision, by, ts(at), category, caseId);
    }

    private void update(String sql, Object... parameters) throws SQLException {
        insertNewRows(); // a change may concern a case opened earlier in the same batch
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
