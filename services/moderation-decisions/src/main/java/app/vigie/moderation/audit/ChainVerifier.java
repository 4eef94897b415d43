package app.vigie.moderation.audit;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Recomputes the hash chain: each link of the range from the stored event and the previous link's stored hash.
 * The first link whose recomputed hash differs from the stored one is where the history was changed (an event
 * altered, removed, or a link rewritten). A rewrite of the whole chain from some point on is caught against the
 * daily digests, which whoever kept them can compare.
 */
@ApplicationScoped
public class ChainVerifier {

    @Inject
    AgroalDataSource dataSource;

    /** A link that does not hold. {@code expected}: recomputed from the event; {@code found}: stored in the chain. */
    public record BrokenLink(long chainSeq, long globalIndex, String aggregateIdentifier, String eventIdentifier,
                             String reason, String expected, String found) {
    }

    /** {@code unchained}: events of the store in the range's span that no link covers (first ten). */
    public record Verification(boolean ok, long linksChecked, String tenant, Instant from, Instant to,
                               Long firstChainSeq, Long lastChainSeq, String lastHash, BrokenLink broken,
                               List<Long> unchained) {
    }

    public Verification verify(Optional<String> tenant, Instant from, Instant to) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // lets the driver stream the rows (fetch size) instead of reading them all
            c.setReadOnly(true);
            try {
                return verify(c, tenant, from, to);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify the chain: " + e.getMessage(), e);
        }
    }

    /** Every link from the first to {@code chainSeq}: what a digest of that link vouches for. */
    public Verification verifyUpTo(long chainSeq) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try (PreparedStatement select = c.prepareStatement(LINKS + " where c.chain_seq <= ? order by c.chain_seq")) {
                select.setLong(1, chainSeq);
                return check(c, select, Optional.empty(), null, null);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify the chain: " + e.getMessage(), e);
        }
    }

    private static final String LINKS = """
            select c.chain_seq, c.global_index, c.tenant, c.occurred_at, c.hash, p.hash, """ + EventRows.COLUMNS + "\n" + """
              from event_chain c
              left join event_chain p on p.chain_seq = c.chain_seq - 1
              left join domain_event_entry e on e.global_index = c.global_index""";

    private Verification verify(Connection c, Optional<String> tenant, Instant from, Instant to) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(LINKS + "\n" + """
                 where c.occurred_at >= ? and c.occurred_at < ? and (cast(? as text) is null or c.tenant = ?)
                 order by c.chain_seq""")) {
            select.setTimestamp(1, Timestamp.from(from));
            select.setTimestamp(2, Timestamp.from(to));
            select.setString(3, tenant.orElse(null));
            select.setString(4, tenant.orElse(null));
            return check(c, select, tenant, from, to);
        }
    }

    /** Checks each link the statement selects, in chain order. */
    private Verification check(Connection c, PreparedStatement select, Optional<String> tenant, Instant from,
                               Instant to) throws SQLException {
        select.setFetchSize(5_000);
        long checked = 0;
        Long first = null;
        long last = 0;
        long lowestIndex = Long.MAX_VALUE;
        long highestIndex = Long.MIN_VALUE;
        byte[] lastHash = null;
        try (ResultSet r = select.executeQuery()) {
            while (r.next()) {
                long seq = r.getLong(1);
                long globalIndex = r.getLong(2);
                String linkTenant = r.getString(3);
                Instant occurredAt = r.getTimestamp(4).toInstant();
                byte[] found = r.getBytes(5);
                byte[] previous = seq == 1 ? StoredEvent.GENESIS : r.getBytes(6);
                checked++;
                if (first == null) {
                    first = seq;
                }
                last = seq;
                lastHash = found;
                lowestIndex = Math.min(lowestIndex, globalIndex);
                highestIndex = Math.max(highestIndex, globalIndex);
                if (r.getObject(7) == null) {
                    return broken(tenant, from, to, checked, first, new BrokenLink(seq, globalIndex, null, null,
                            "the event of this link is no longer in the store", null, StoredEvent.hex(found)));
                }
                StoredEvent event = EventRows.read(r, 7);
                if (previous == null) {
                    return broken(tenant, from, to, checked, first, new BrokenLink(seq, globalIndex,
                            event.aggregateIdentifier(), event.eventIdentifier(),
                            "the previous link is missing", null, StoredEvent.hex(found)));
                }
                byte[] expected = event.link(previous, HashChain.tenantOf(event.payload()));
                if (!Arrays.equals(expected, found)) {
                    return broken(tenant, from, to, checked, first, new BrokenLink(seq, globalIndex,
                            event.aggregateIdentifier(), event.eventIdentifier(),
                            "the event or the link was changed", StoredEvent.hex(expected), StoredEvent.hex(found)));
                }
                if (!occurredAt.equals(event.occurredAt())
                        || !Objects.equals(linkTenant, HashChain.tenantOf(event.payload()))) {
                    return broken(tenant, from, to, checked, first, new BrokenLink(seq, globalIndex,
                            event.aggregateIdentifier(), event.eventIdentifier(),
                            "the link's tenant or time no longer match its event", StoredEvent.hex(expected),
                            StoredEvent.hex(found)));
                }
            }
        }
        List<Long> unchained = checked == 0 || tenant.isPresent() ? List.of()
                : unchained(c, lowestIndex, highestIndex);
        return new Verification(unchained.isEmpty(), checked, tenant.orElse(null), from, to, first,
                first == null ? null : last, StoredEvent.hex(lastHash), null, unchained);
    }

    private static Verification broken(Optional<String> tenant, Instant from, Instant to, long checked, Long first,
                                       BrokenLink link) {
        return new Verification(false, checked, tenant.orElse(null), from, to, first, link.chainSeq(), null, link,
                List.of());
    }

    /**
     * Events stored between the range's lowest and highest chained global index that no link covers: a count first
     * (both sides read through their indexes), and only when they differ, which ones.
     */
    private static List<Long> unchained(Connection c, long lowest, long highest) throws SQLException {
        try (PreparedStatement count = c.prepareStatement("""
                select (select count(*) from domain_event_entry where global_index between ? and ?),
                       (select count(*) from event_chain where global_index between ? and ?)""")) {
            count.setLong(1, lowest);
            count.setLong(2, highest);
            count.setLong(3, lowest);
            count.setLong(4, highest);
            try (ResultSet r = count.executeQuery()) {
                r.next();
                if (r.getLong(1) == r.getLong(2)) {
                    return List.of();
                }
            }
        }
        try (PreparedStatement missing = c.prepareStatement("""
                select e.global_index from domain_event_entry e
                 where e.global_index between ? and ?
                   and not exists (select 1 from event_chain k where k.global_index = e.global_index)
                 order by e.global_index limit 10""")) {
            missing.setLong(1, lowest);
            missing.setLong(2, highest);
            List<Long> found = new ArrayList<>();
            try (ResultSet r = missing.executeQuery()) {
                while (r.next()) {
                    found.add(r.getLong(1));
                }
            }
            return found;
        }
    }
}
