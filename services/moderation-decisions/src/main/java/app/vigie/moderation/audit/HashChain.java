package app.vigie.moderation.audit;

import app.vigie.contracts.EventPayloads;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Writes the hash chain over the event store (docs/adr/0009): one link per event, in the order the chainer sees
 * the events, each link's hash covering the previous link's. One chainer at a time across instances (a PostgreSQL
 * advisory lock per pass); its position and the holes it waits for are in {@code chain_state}, in the same
 * transaction as the links it writes.
 *
 * <p>Events are appended by concurrent transactions, so a global index can become visible after higher ones: such
 * a hole is remembered and its event chained when it appears. A hole still empty after {@code gap-timeout} was a
 * transaction that rolled back, and is forgotten; an event that would appear even later stays out of the chain, and
 * verification reports it as unchained.
 */
@ApplicationScoped
public class HashChain {

    private static final Logger LOG = Logger.getLogger(HashChain.class);
    /** Events chained per transaction. */
    static final int BATCH = 2_000;
    /** A hole further behind the head than this is no longer waited for (as Axon's own gap tracking). */
    private static final int MOST_HOLES = 10_000;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;
    @ConfigProperty(name = "vigie.audit.chain-gap-timeout", defaultValue = "PT2M")
    Duration gapTimeout;
    @ConfigProperty(name = "vigie.audit.chain-enabled", defaultValue = "true")
    boolean enabled;

    /** A link of the chain. */
    public record Link(long chainSeq, long globalIndex, byte[] hash) {
    }

    @Scheduled(every = "${vigie.audit.chain-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!enabled) {
            return;
        }
        try {
            while (pass() == BATCH) {
                // a full batch: more are waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "hash chain: pass failed, the next one retries");
        }
    }

    /** Chains what has been stored since the last pass (at most one batch); returns how many events it chained. */
    public synchronized int pass() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int chained = pass(c, clock.instant());
                c.commit();
                return chained;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("hash chain: " + e.getMessage(), e);
        }
    }

    private int pass(Connection c, Instant now) throws SQLException {
        try (var lock = c.createStatement();
             ResultSet r = lock.executeQuery("select pg_try_advisory_xact_lock(hashtext('vigie.event-chain'))")) {
            r.next();
            if (!r.getBoolean(1)) {
                return 0; // another instance is chaining
            }
        }
        long watermark;
        TreeMap<Long, Long> holes;
        try (var select = c.createStatement();
             ResultSet r = select.executeQuery("select watermark, holes from chain_state where id = 1 for update")) {
            r.next();
            watermark = r.getLong(1);
            holes = holes(r.getString(2));
        }
        List<StoredEvent> events = new ArrayList<>();
        if (!holes.isEmpty()) {
            events.addAll(EventRows.at(c, holes.keySet().toArray(Long[]::new)));
        }
        List<StoredEvent> fresh = EventRows.after(c, watermark, BATCH - events.size());
        events.addAll(fresh);
        events.forEach(e -> holes.remove(e.globalIndex()));
        long next = watermark + 1;
        for (StoredEvent e : fresh) {
            for (long missing = next; missing < e.globalIndex(); missing++) {
                holes.put(missing, now.toEpochMilli());
            }
            next = e.globalIndex() + 1;
            watermark = e.globalIndex();
        }
        forgetOldHoles(holes, watermark, now);
        if (!events.isEmpty()) {
            events.sort(Comparator.comparingLong(StoredEvent::globalIndex));
            append(c, events, now);
        }
        try (PreparedStatement update = c.prepareStatement(
                "update chain_state set watermark = ?, holes = ?, updated_at = ? where id = 1")) {
            update.setLong(1, watermark);
            update.setString(2, EventPayloads.toTree(holes).toString());
            update.setTimestamp(3, Timestamp.from(now));
            update.executeUpdate();
        }
        return events.size();
    }

    private void forgetOldHoles(TreeMap<Long, Long> holes, long watermark, Instant now) {
        long oldest = now.minus(gapTimeout).toEpochMilli();
        var it = holes.entrySet().iterator();
        while (it.hasNext()) {
            var hole = it.next();
            if (hole.getValue() < oldest || hole.getKey() < watermark - MOST_HOLES) {
                LOG.debugf("hash chain: no event %d after %s: a transaction that rolled back", hole.getKey(), gapTimeout);
                it.remove();
            }
        }
    }

    private void append(Connection c, List<StoredEvent> events, Instant now) throws SQLException {
        Link head = head(c);
        long seq = head.chainSeq();
        byte[] previous = head.hash();
        try (PreparedStatement insert = c.prepareStatement("""
                insert into event_chain (chain_seq, global_index, tenant, occurred_at, hash, chained_at)
                values (?, ?, ?, ?, ?, ?)""")) {
            for (StoredEvent e : events) {
                String tenant = tenantOf(e.payload());
                byte[] hash = e.link(previous, tenant);
                insert.setLong(1, ++seq);
                insert.setLong(2, e.globalIndex());
                insert.setString(3, tenant);
                insert.setTimestamp(4, Timestamp.from(e.occurredAt()));
                insert.setBytes(5, hash);
                insert.setTimestamp(6, Timestamp.from(now));
                insert.addBatch();
                previous = hash;
            }
            insert.executeBatch();
        }
    }

    /** The last link, or the genesis (sequence 0) before the first. */
    static Link head(Connection c) throws SQLException {
        try (var select = c.createStatement(); ResultSet r = select.executeQuery(
                "select chain_seq, global_index, hash from event_chain order by chain_seq desc limit 1")) {
            return r.next() ? new Link(r.getLong(1), r.getLong(2), r.getBytes(3)) : new Link(0, 0, StoredEvent.GENESIS);
        }
    }

    /** The {@code tenant} field at the top of a case event's payload (every case event has one). */
    static String tenantOf(byte[] payload) {
        try (JsonParser json = EventPayloads.mapper().getFactory().createParser(payload)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if ("tenant".equals(field)) {
                    return value == JsonToken.VALUE_STRING ? json.getText() : null;
                }
                json.skipChildren();
            }
            return null;
        } catch (IOException e) {
            return null; // not JSON: hashed as having no tenant, which verification recomputes the same way
        }
    }

    private static TreeMap<Long, Long> holes(String json) {
        TreeMap<Long, Long> holes = new TreeMap<>();
        try {
            ObjectNode node = (ObjectNode) EventPayloads.mapper().readTree(json);
            for (Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> hole : node.properties()) {
                holes.put(Long.parseLong(hole.getKey()), hole.getValue().asLong());
            }
        } catch (IOException e) {
            throw new IllegalStateException("chain_state.holes is not JSON", e);
        }
        return holes;
    }
}
