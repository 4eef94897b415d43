package app.vigie.moderation.infrastructure;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.community.CommunitySnapshot;
import app.vigie.platform.messaging.IdempotentConsumer;
import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps {@code community_copy} from the registry's snapshots (languages, decision SLA, who is assigned). A
 * snapshot replaces the copy only when its revision is newer: a redelivered or late event changes nothing.
 */
@ApplicationScoped
public class CommunityCopies {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    /** Staff roles (registry) that make a person work the community's cases. */
    static final java.util.Set<String> MODERATING_ROLES = java.util.Set.of("MODERATOR", "SENIOR_MODERATOR");

    /** One person assigned to a community, the languages they read (empty: any), and the team they come through. */
    public record Staff(String subject, String role, List<String> languages, UUID team) {
    }

    /** What moderation knows of a community. */
    public record Community(UUID id, String tenant, List<String> languages, int decisionSlaMinutes, String status,
                            int policyVersion, List<Staff> staff, Double autoApproveBelow) {

        /** Whether {@code subject} moderates this community and reads {@code language}. */
        public boolean takes(String subject, String language) {
            return moderators().anyMatch(s -> s.subject().equals(subject)
                    && (s.languages().isEmpty() || language == null || s.languages().contains(language)));
        }

        /** Whether {@code subject} is a senior moderator of this community (escalated cases are theirs). */
        public boolean seniorHere(String subject) {
            return moderators().anyMatch(s -> s.subject().equals(subject) && "SENIOR_MODERATOR".equals(s.role()));
        }

        /** The staff who moderate here (community managers answer, they do not decide). */
        public java.util.stream.Stream<Staff> moderators() {
            return staff.stream().filter(s -> MODERATING_ROLES.contains(s.role()));
        }
    }

    @Incoming("community-events")
    @Blocking
    @Transactional
    public void consume(byte[] body) throws SQLException {
        EventEnvelope event = IdempotentConsumer.envelope(body);
        apply(EventPayloads.read(event, CommunitySnapshot.class));
    }

    void apply(CommunitySnapshot s) throws SQLException {
        List<Staff> staff = s.staff().stream()
                .map(a -> new Staff(a.subject(), a.role().name(), a.languages() == null ? List.of() : a.languages(),
                        a.viaTeam()))
                .toList();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into community_copy (id, tenant, languages, decision_sla_minutes, status, policy_version,
                                                 staff, revision, copied_at, auto_approve_below)
                     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                     on conflict (id) do update
                        set tenant = excluded.tenant, languages = excluded.languages,
                            decision_sla_minutes = excluded.decision_sla_minutes, status = excluded.status,
                            policy_version = excluded.policy_version, staff = excluded.staff,
                            revision = excluded.revision, copied_at = excluded.copied_at,
                            auto_approve_below = excluded.auto_approve_below
                      where community_copy.revision < excluded.revision""")) {
            upsert.setObject(1, s.communityId());
            upsert.setString(2, s.tenant());
            upsert.setString(3, String.join(",", s.languages()));
            upsert.setInt(4, s.decisionSlaMinutes());
            upsert.setString(5, s.status());
            upsert.setInt(6, s.policy().version());
            upsert.setString(7, EventPayloads.toTree(staff).toString());
            upsert.setLong(8, s.revision());
            upsert.setTimestamp(9, Timestamp.from(clock.instant()));
            upsert.setObject(10, s.policy().autoApproveBelow());
            upsert.executeUpdate();
        }
    }

    public Optional<Community> find(UUID id) {
        return all("where id = ?", id).stream().findFirst();
    }

    /**
     * The same, from a copy at most five seconds old (per instance): opening thousands of cases a second need not
     * read and parse the community each time. Good for what a few seconds' lag cannot harm (deadlines, thresholds);
     * who may act is checked with {@link #current}.
     */
    public Optional<Community> recent(UUID id) {
        Instant now = clock.instant();
        Cached cached = recent.get(id);
        if (cached == null || cached.readAt().isBefore(now.minusSeconds(5))) {
            cached = read(id, now);
        }
        return cached.community();
    }

    /**
     * The copy as it stands now, for permission checks: only its revision is read (one index lookup) and the parsed
     * copy is reused while it is unchanged, so a moderator taken off a community loses access at once, on every
     * instance.
     */
    public Optional<Community> current(UUID id) {
        long revision = revisionOf(id);
        Cached cached = recent.get(id);
        if (cached != null && cached.revision() == revision) {
            return cached.community();
        }
        return read(id, clock.instant()).community();
    }

    private Cached read(UUID id, Instant now) {
        if (recent.size() > 10_000) {
            recent.clear();
        }
        long revision = revisionOf(id);
        Cached cached = new Cached(find(id), revision, now);
        recent.put(id, cached);
        return cached;
    }

    /** The copy's revision, or -1 when there is none. */
    private long revisionOf(UUID id) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select revision from community_copy where id = ?")) {
            select.setObject(1, id);
            try (var row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : -1;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read community copies", e);
        }
    }

    private record Cached(Optional<Community> community, long revision, Instant readAt) {
    }

    private final java.util.Map<UUID, Cached> recent = new java.util.concurrent.ConcurrentHashMap<>();

    /** The communities {@code subject} is assigned to (all tenants; the caller filters by tenant). */
    public List<Community> assignedTo(String subject) {
        // a coarse filter in SQL (the subject appears in the staff JSON), the exact one in Java
        return all("where staff like ?", "%\"" + subject.replace("%", "") + "\"%").stream()
                .filter(c -> c.moderators().anyMatch(s -> s.subject().equals(subject))).toList();
    }

    private List<Community> all(String where, Object parameter) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select id, tenant, languages, decision_sla_minutes, status, policy_version, staff, auto_approve_below "
                             + "from community_copy "
                             + where)) {
            select.setObject(1, parameter);
            var rows = select.executeQuery();
            List<Community> found = new java.util.ArrayList<>();
            while (rows.next()) {
                Staff[] staff = EventPayloads.mapper().readValue(rows.getString(7), Staff[].class);
                String languages = rows.getString(3);
                found.add(new Community(rows.getObject(1, UUID.class), rows.getString(2),
                        languages.isEmpty() ? List.of() : List.of(languages.split(",")), rows.getInt(4),
                        rows.getString(5), rows.getInt(6), List.of(staff),
                        rows.getObject(8) == null ? null : rows.getBigDecimal(8).doubleValue()));
            }
            return found;
        } catch (SQLException | com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot read community copies", e);
        }
    }

}
