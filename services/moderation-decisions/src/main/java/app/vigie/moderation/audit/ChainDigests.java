package app.vigie.moderation.audit;

import app.vigie.contracts.EventTypes;
import app.vigie.contracts.audit.ChainDigest;
import app.vigie.platform.outbox.Outbox;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The head of the hash chain at the end of each day (UTC): kept in {@code chain_digest}, published as
 * {@code audit.chain-digest} and written to the log, so that copies leave the database. The digest of a day is the
 * last link chained before its end; links never change, so it can be taken at any time after. Days missed while the
 * service was down are published when it next runs. Once per day, whatever the number of instances (the day is the
 * key, the outbox row's id is derived from it).
 */
@ApplicationScoped
public class ChainDigests {

    private static final Logger LOG = Logger.getLogger(ChainDigests.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Outbox outbox;
    @Inject
    ChainVerifier verifier;
    @Inject
    Clock clock;

    /** A digest as stored; {@code hash} in hex. */
    public record Digest(LocalDate day, long chainSeq, String hash, Instant publishedAt) {
    }

    /** The result of checking a digest someone kept against the chain as it is now. */
    public record Check(boolean ok, long chainSeq, String given, String found, ChainVerifier.Verification chain) {
    }

    @Scheduled(cron = "${vigie.audit.digest-cron:0 5 0 * * ?}", timeZone = "UTC",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void daily() {
        try {
            publishDue();
        } catch (RuntimeException e) {
            LOG.warnf(e, "chain digest: failed, the next run retries");
        }
    }

    /** Publishes the digest of every ended day since the last one published. */
    public List<Digest> publishDue() {
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(1);
        List<Digest> published = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var select = c.createStatement(); ResultSet r = select.executeQuery("""
                select (select max(day) from chain_digest),
                       (select min(chained_at) from event_chain)""")) {
            r.next();
            LocalDate last = r.getObject(1, LocalDate.class);
            Timestamp firstLink = r.getTimestamp(2);
            if (firstLink == null) {
                return published;
            }
            LocalDate day = last != null ? last.plusDays(1)
                    : LocalDate.ofInstant(firstLink.toInstant(), ZoneOffset.UTC);
            for (; !day.isAfter(yesterday); day = day.plusDays(1)) {
                publish(day).ifPresent(published::add);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("chain digest: " + e.getMessage(), e);
        }
        return published;
    }

    /** The digest of {@code day}: the last link chained before its end, if any; stored, published and logged once. */
    public Optional<Digest> publish(LocalDate day) {
        Instant cutoff = day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                long seq;
                byte[] hash;
                try (PreparedStatement head = c.prepareStatement("""
                        select chain_seq, hash from event_chain where chained_at < ? order by chain_seq desc limit 1""")) {
                    head.setTimestamp(1, Timestamp.from(cutoff));
                    try (ResultSet r = head.executeQuery()) {
                        if (!r.next()) {
                            c.rollback();
                            return Optional.empty();
                        }
                        seq = r.getLong(1);
                        hash = r.getBytes(2);
                    }
                }
                Instant now = clock.instant();
                int inserted;
                try (PreparedStatement insert = c.prepareStatement("""
                        insert into chain_digest (day, chain_seq, hash, published_at) values (?, ?, ?, ?)
                        on conflict (day) do nothing""")) {
                    insert.setObject(1, day);
                    insert.setLong(2, seq);
                    insert.setBytes(3, hash);
                    insert.setTimestamp(4, Timestamp.from(now));
                    inserted = insert.executeUpdate();
                }
                if (inserted == 0) {
                    c.rollback();
                    return Optional.empty(); // another instance published it
                }
                String hex = StoredEvent.hex(hash);
                outbox.appendOnce(c, UUID.nameUUIDFromBytes(("vigie.chain-digest:" + day).getBytes(StandardCharsets.UTF_8)),
                        EventTypes.CHAIN_DIGEST, ChainDigest.VERSION, null, "chain-digest-" + day,
                        new ChainDigest(day, seq, hex, cutoff));
                c.commit();
                LOG.infof("chain digest %s: link %d, hash %s", day, seq, hex);
                return Optional.of(new Digest(day, seq, hex, now));
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("chain digest " + day + ": " + e.getMessage(), e);
        }
    }

    public List<Digest> all() {
        List<Digest> digests = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); var select = c.createStatement(); ResultSet r = select.executeQuery(
                "select day, chain_seq, hash, published_at from chain_digest order by day")) {
            while (r.next()) {
                digests.add(new Digest(r.getObject(1, LocalDate.class), r.getLong(2), StoredEvent.hex(r.getBytes(3)),
                        r.getTimestamp(4).toInstant()));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the digests", e);
        }
        return digests;
    }

    /**
     * Checks a digest kept elsewhere: every link up to its sequence must hold, and the link at its sequence must
     * carry its hash. A history rewritten from some point on, links recomputed to hide it, fails here.
     */
    public Check check(long chainSeq, String givenHash) {
        ChainVerifier.Verification chain = verifier.verifyUpTo(chainSeq);
        String found = chain.lastChainSeq() != null && chain.lastChainSeq() == chainSeq ? chain.lastHash() : null;
        byte[] given = HexFormat.of().parseHex(givenHash);
        boolean ok = chain.ok() && found != null && Arrays.equals(given, HexFormat.of().parseHex(found));
        return new Check(ok, chainSeq, givenHash, found, chain);
    }
}
