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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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

    /** Chunks checked at once, each on a connection of its own. */
    @ConfigProperty(name = "vigie.audit.verify-threads", defaultValue = "2")
    int threads;

    /** Links per chunk. */
    @ConfigProperty(name = "vigie.audit.verify-chunk", defaultValue = "20000")
    long chunk;

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
        return run(new Scope(tenant, from, to, Long.MAX_VALUE));
    }

    /** Every link from the first to {@code chainSeq}: what a digest of that link vouches for. */
    public Verification verifyUpTo(long chainSeq) {
        return run(new Scope(Optional.empty(), null, null, chainSeq));
    }

    /** Which links to check: by tenant and time of their event, or all up to a link. */
    private record Scope(Optional<String> tenant, Instant from, Instant to, long upTo) {

        String filter() {
            return from == null ? "c.chain_seq <= ?"
                    : "c.occurred_at >= ? and c.occurred_at < ? and (cast(? as text) is null or c.tenant = ?)";
        }

        int bind(PreparedStatement statement, int first) throws SQLException {
            if (from == null) {
                statement.setLong(first, upTo);
                return first + 1;
            }
            statement.setTimestamp(first, Timestamp.from(from));
            statement.setTimestamp(first + 1, Timestamp.from(to));
            statement.setString(first + 2, tenant.orElse(null));
            statement.setString(first + 3, tenant.orElse(null));
            return first + 4;
        }
    }

    /** What one chunk of the chain showed. */
    private record Part(long checked, Long first, long last, byte[] lastHash, long lowestIndex, long highestIndex,
                        BrokenLink broken) {
        static final Part NONE = new Part(0, null, 0, null, Long.MAX_VALUE, Long.MIN_VALUE, null);
    }

    /**
     * The links in scope are checked in chunks of consecutive chain sequences, {@code threads} chunks at a time, each
     * on a connection of its own: a chunk carries the stored hash of the link before it, so it needs nothing from
     * the others. The first broken link in chain order is reported, as a single pass would.
     */
    private Verification run(Scope scope) {
        long[] bounds = bounds(scope);
        if (bounds == null) {
            return new Verification(true, 0, scope.tenant().orElse(null), scope.from(), scope.to(), null, null, null,
                    null, List.of());
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("chain-verifier-", 0).factory());
        // the lowest chain sequence found broken so far: a chunk after it need not go on, one before it must
        AtomicLong firstBreak = new AtomicLong(Long.MAX_VALUE);
        try {
            List<Future<Part>> parts = new ArrayList<>();
            for (long low = bounds[0]; low <= bounds[1]; low += chunk) {
                long from = low;
                long to = Math.min(bounds[1], low + chunk - 1);
                parts.add(pool.submit(() -> from > firstBreak.get() ? Part.NONE : part(scope, from, to, firstBreak)));
            }
            long checked = 0;
            Long first = null;
            long last = 0;
            byte[] lastHash = null;
            long lowestIndex = Long.MAX_VALUE;
            long highestIndex = Long.MIN_VALUE;
            for (Future<Part> future : parts) {
                Part part = future.get();
                checked += part.checked();
                if (first == null) {
                    first = part.first();
                }
                if (part.broken() != null) {
                    return broken(scope, checked, first, part.broken());
                }
                if (part.checked() > 0) {
                    last = part.last();
                    lastHash = part.lastHash();
                    lowestIndex = Math.min(lowestIndex, part.lowestIndex());
                    highestIndex = Math.max(highestIndex, part.highestIndex());
                }
            }
            List<Long> unchained = checked == 0 || scope.tenant().isPresent() ? List.of()
                    : unchained(lowestIndex, highestIndex);
            return new Verification(unchained.isEmpty(), checked, scope.tenant().orElse(null), scope.from(),
                    scope.to(), first, first == null ? null : last, StoredEvent.hex(lastHash), null, unchained);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying the chain", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot verify the chain: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The lowest and highest chain sequence in scope, or null when none is. */
    private long[] bounds(Scope scope) {
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(
                "select min(c.chain_seq), max(c.chain_seq) from event_chain c where " + scope.filter())) {
            scope.bind(select, 1);
            try (ResultSet r = select.executeQuery()) {
                r.next();
                long low = r.getLong(1);
                return r.wasNull() ? null : new long[] {low, r.getLong(2)};
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify the chain: " + e.getMessage(), e);
        }
    }

    /**
     * The links of the chunk: the chain read in order over the chunk and the link before it (lag gives each link's
     * previous hash without a second lookup per link), then the links in scope joined to their events. The lateral
     * probe ({@code offset 0} keeps the planner from flattening it) reads each event through the primary key: joined
     * plainly, the planner hashed the whole event store for every chunk.
     */
    private static final String CHUNK = """
            select c.chain_seq, c.global_index, c.tenant, c.occurred_at, c.hash, c.previous_seq, c.previous_hash,
                   """ + EventRows.COLUMNS + "\n" + """
              from (select k.*, lag(k.chain_seq) over (order by k.chain_seq) as previous_seq,
                           lag(k.hash) over (order by k.chain_seq) as previous_hash
                      from event_chain k where k.chain_seq between ? - 1 and ?) c
              left join lateral (select * from domain_event_entry e where e.global_index = c.global_index offset 0) e
                on true
             where c.chain_seq >= ? and %s
             order by c.chain_seq""";

    private Part part(Scope scope, long from, long to, AtomicLong firstBreak) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // lets the driver stream the rows (fetch size) instead of reading them all
            c.setReadOnly(true);
            try (var settings = c.createStatement()) {
                settings.execute("set local jit = off"); // compiling each chunk's plan cost more than running it
            }
            try (PreparedStatement select = c.prepareStatement(CHUNK.formatted(scope.filter()))) {
                select.setLong(1, from);
                select.setLong(2, to);
                select.setLong(3, from);
                scope.bind(select, 4);
                select.setFetchSize(2_000);
                return check(select, firstBreak);
            } finally {
                c.rollback();
            }
        }
    }

    /** Checks each link the statement selects, in chain order. */
    private static Part check(PreparedStatement select, AtomicLong firstBreak) throws SQLException {
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
                long previousSeq = r.getLong(6);
                byte[] previous = seq == 1 ? StoredEvent.GENESIS : previousSeq == seq - 1 ? r.getBytes(7) : null;
                checked++;
                if (first == null) {
                    first = seq;
                }
                last = seq;
                lastHash = found;
                lowestIndex = Math.min(lowestIndex, globalIndex);
                highestIndex = Math.max(highestIndex, globalIndex);
                BrokenLink broken = brokenAt(r, seq, globalIndex, linkTenant, occurredAt, found, previous);
                if (broken != null) {
                    firstBreak.accumulateAndGet(seq, Math::min);
                    return new Part(checked, first, seq, null, lowestIndex, highestIndex, broken);
                }
                if (seq > firstBreak.get()) { // what follows a break is not reported
                    return new Part(checked, first, last, lastHash, lowestIndex, highestIndex, null);
                }
            }
        }
        return new Part(checked, first, last, lastHash, lowestIndex, highestIndex, null);
    }

    /**
     * Null when the link holds. The hash is recomputed with the tenant the link records: a link whose tenant was
     * changed then fails like an altered event, and the payload is only read for the tenant to tell the two apart.
     */
    private static BrokenLink brokenAt(ResultSet r, long seq, long globalIndex, String linkTenant, Instant occurredAt,
                                       byte[] found, byte[] previous) throws SQLException {
        if (r.getObject(8) == null) {
            return new BrokenLink(seq, globalIndex, null, null, "the event of this link is no longer in the store",
                    null, StoredEvent.hex(found));
        }
        StoredEvent event = EventRows.read(r, 8);
        if (previous == null) {
            return new BrokenLink(seq, globalIndex, event.aggregateIdentifier(), event.eventIdentifier(),
                    "the previous link is missing", null, StoredEvent.hex(found));
        }
        byte[] expected = event.link(previous, linkTenant);
        if (!Arrays.equals(expected, found) || !occurredAt.equals(event.occurredAt())) {
            String eventTenant = HashChain.tenantOf(event.payload());
            if (!Objects.equals(linkTenant, eventTenant) || !occurredAt.equals(event.occurredAt())) {
                return new BrokenLink(seq, globalIndex, event.aggregateIdentifier(), event.eventIdentifier(),
                        "the link's tenant or time no longer match its event",
                        StoredEvent.hex(event.link(previous, eventTenant)), StoredEvent.hex(found));
            }
            return new BrokenLink(seq, globalIndex, event.aggregateIdentifier(), event.eventIdentifier(),
                    "the event or the link was changed", StoredEvent.hex(expected), StoredEvent.hex(found));
        }
        return null;
    }

    private static Verification broken(Scope scope, long checked, Long first, BrokenLink link) {
        return new Verification(false, checked, scope.tenant().orElse(null), scope.from(), scope.to(), first,
                link.chainSeq(), null, link, List.of());
    }

    /**
     * Events stored between the range's lowest and highest chained global index that no link covers: a count first
     * (both sides read through their indexes), and only when they differ, which ones.
     */
    private List<Long> unchained(long lowest, long highest) {
        try (Connection c = dataSource.getConnection()) {
            return unchained(c, lowest, highest);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify the chain: " + e.getMessage(), e);
        }
    }

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
