package app.vigie.scheduling.application;

import app.vigie.contracts.EventTypes;
import app.vigie.contracts.community.CommunitySnapshot;
import app.vigie.contracts.community.StaffRole;
import app.vigie.contracts.scheduling.CoverageGap;
import app.vigie.platform.outbox.Outbox;
import app.vigie.scheduling.domain.Coverage;
import app.vigie.scheduling.infrastructure.CommunityCopies;
import app.vigie.scheduling.infrastructure.JdbcWork;
import io.agroal.api.AgroalDataSource;
import io.quarkus.quartz.Nonconcurrent;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Checks the rosters against what the communities promise: every community × language × hour of its coverage
 * promise needs the required people on shift. Read with two queries (communities, shifts) and computed in memory.
 * A clustered job publishes {@code coverage.gap} for the gaps of the next 48 hours.
 */
@ApplicationScoped
public class CoverageCheck {

    private static final Logger LOG = Logger.getLogger(CoverageCheck.class);
    /** How far ahead the job looks for gaps to announce. */
    static final Duration AHEAD = Duration.ofHours(48);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Outbox outbox;
    @Inject
    Clock clock;
    @ConfigProperty(name = "vigie.scheduling.coverage.required", defaultValue = "1")
    int defaultRequired;

    /** The gaps over [from, to) of a tenant's active communities (all tenants when empty), or of one community. */
    public record Result(Instant from, Instant to, int required, int communities, int shifts, List<Coverage.Gap> gaps) {
    }

    public Result check(Optional<String> tenant, Optional<UUID> community, Instant from, Instant to, Integer required) {
        int needed = required == null ? defaultRequired : required;
        try (Connection c = dataSource.getConnection()) {
            c.setReadOnly(true);
            List<Loaded> communities = communities(c, tenant, community);
            List<Shift> shifts = shifts(c, tenant, from, to);
            List<Coverage.Gap> gaps = new ArrayList<>();
            for (Loaded loaded : communities) {
                gaps.addAll(Coverage.gaps(loaded.community(), shifts.stream()
                        .filter(s -> s.tenant().equals(loaded.tenant())).map(Shift::shift).toList(), from, to, needed));
            }
            return new Result(from, to, needed, communities.size(), shifts.size(), gaps);
        } catch (SQLException e) {
            throw new IllegalStateException("coverage: " + e.getMessage(), e);
        }
    }

    /** The tenant of a community the check knows, for tenant scoping of the answer. */
    public Optional<String> tenantOf(UUID community) {
        try (Connection c = dataSource.getConnection()) {
            return Optional.ofNullable(tenantOf(c, community));
        } catch (SQLException e) {
            throw new IllegalStateException("coverage: " + e.getMessage(), e);
        }
    }

    // one run at a time across the cluster (SKIP alone only holds within one instance)
    @Nonconcurrent
    @Scheduled(identity = "coverage-gaps", every = "${vigie.scheduling.coverage-every:15m}", delayed = "30s")
    void announce() {
        try {
            announceGaps();
        } catch (RuntimeException e) {
            LOG.warnf(e, "coverage gaps: pass failed, the next one retries");
        }
    }

    /**
     * Publishes the gaps of the next 48 hours, each once: the event id is derived from the gap (community, language,
     * stretch, people present), so a later pass that finds the same gap publishes nothing, and a gap that changed is
     * announced as the new gap it is. A gap running over midnight (UTC) is announced again the next day, cut there.
     * Returns how many gaps it found.
     */
    public int announceGaps() {
        // checked over whole UTC days, so that a gap is the same stretch at every pass of the day (checked from
        // "now", its start would move at each pass and it would be announced again and again)
        Instant now = clock.instant();
        Instant day = now.truncatedTo(ChronoUnit.DAYS);
        Result checked = check(Optional.empty(), Optional.empty(), day, day.plus(AHEAD).plus(Duration.ofDays(1)), null);
        Result result = new Result(checked.from(), checked.to(), checked.required(), checked.communities(),
                checked.shifts(), checked.gaps().stream()
                .filter(g -> g.to().isAfter(now) && g.from().isBefore(now.plus(AHEAD))).toList());
        JdbcWork.inTransaction(dataSource, "coverage gaps", c -> {
            for (Coverage.Gap gap : result.gaps()) {
                String tenant = tenantOf(c, gap.communityId());
                UUID id = UUID.nameUUIDFromBytes(("coverage.gap:" + gap.communityId() + ":" + gap.language() + ":"
                        + gap.from() + ":" + gap.to() + ":" + gap.present()).getBytes(StandardCharsets.UTF_8));
                outbox.appendOnce(c, id, EventTypes.COVERAGE_GAP, CoverageGap.VERSION, tenant, null,
                        new CoverageGap(gap.communityId(), tenant, gap.language(), gap.from(), gap.to(),
                                gap.required(), gap.present()));
            }
            return result.gaps().size();
        });
        return result.gaps().size();
    }

    /** The community's tenant, or null when scheduling has no copy of it. */
    private static String tenantOf(Connection c, UUID community) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select tenant from community_copy where id = ?")) {
            select.setObject(1, community);
            try (ResultSet r = select.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    private record Loaded(String tenant, Coverage.Community community) {
    }

    private record Shift(String tenant, Coverage.Shift shift) {
    }

    private static List<Loaded> communities(Connection c, Optional<String> tenant, Optional<UUID> community)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select id, tenant, languages, coverage, time_zone, staff from community_copy
                 where status = 'ACTIVE' and (cast(? as text) is null or tenant = ?) and (cast(? as uuid) is null or id = ?)""")) {
            select.setString(1, tenant.orElse(null));
            select.setString(2, tenant.orElse(null));
            select.setObject(3, community.orElse(null));
            select.setObject(4, community.orElse(null));
            List<Loaded> loaded = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    List<CommunitySnapshot.AssignedStaff> staff = CommunityCopies.staff(r.getString(6));
                    Set<String> managers = staff.stream().filter(s -> s.role() == StaffRole.COMMUNITY_MANAGER)
                            .map(CommunitySnapshot.AssignedStaff::subject).collect(Collectors.toSet());
                    Set<UUID> teams = staff.stream().filter(s -> s.role() == StaffRole.COMMUNITY_MANAGER)
                            .map(CommunitySnapshot.AssignedStaff::viaTeam)
                            .filter(java.util.Objects::nonNull).collect(Collectors.toSet());
                    loaded.add(new Loaded(r.getString(2), new Coverage.Community(r.getObject(1, UUID.class),
                            List.of(r.getString(3).split(",")), CommunityCopies.promise(r.getString(4), r.getString(5)),
                            managers, teams)));
                }
            }
            return loaded;
        }
    }

    private static Set<UUID> ids(String joined) {
        return joined == null || joined.isEmpty() ? Set.of()
                : Arrays.stream(joined.split(",")).map(UUID::fromString).collect(Collectors.toSet());
    }

    private static List<Shift> shifts(Connection c, Optional<String> tenant, Instant from, Instant to)
            throws SQLException {
        try (PreparedStatement select = c.prepareStatement("""
                select tenant, person, starts_at, ends_at, languages, communities, teams from shift
                 where starts_at < ? and ends_at > ? and (cast(? as text) is null or tenant = ?)""")) {
            select.setTimestamp(1, Timestamp.from(to));
            select.setTimestamp(2, Timestamp.from(from));
            select.setString(3, tenant.orElse(null));
            select.setString(4, tenant.orElse(null));
            List<Shift> shifts = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    String communities = r.getString(6);
                    shifts.add(new Shift(r.getString(1), new Coverage.Shift(r.getString(2),
                            r.getTimestamp(3).toInstant(), r.getTimestamp(4).toInstant(),
                            new HashSet<>(Arrays.asList(r.getString(5).split(","))),
                            ids(communities), ids(r.getString(7)))));
                }
            }
            return shifts;
        }
    }
}
