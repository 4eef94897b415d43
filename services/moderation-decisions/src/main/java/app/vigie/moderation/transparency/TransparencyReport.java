package app.vigie.moderation.transparency;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Transparency figures of a client company for a period, per community and in all (DSA art. 15 and 24): decisions
 * by category, ground, action, automated or not; time to decision; appeals filed, upheld and reversed. Counted from
 * the decision log; a decision counts in the period it was taken.
 */
@ApplicationScoped
public class TransparencyReport {

    @Inject
    AgroalDataSource dataSource;

    /** The figures of one community, or of all ({@code communityId} null). Times in seconds. */
    public record Figures(UUID communityId, long decisions, long approved, long rejected, long automated, long human,
                          Map<String, Long> byCategory, Map<String, Long> byGround, Map<String, Long> byAction,
                          Double medianSecondsToDecision, Double p90SecondsToDecision, long appealsFiled,
                          long appealsUpheld, long appealsReversed, long automaticallyHidden) {
    }

    public record Report(String tenant, Instant from, Instant to, Figures total, List<Figures> communities) {
    }

    public Report of(Optional<String> tenant, Instant from, Instant to) {
        try (Connection c = dataSource.getConnection()) {
            Map<UUID, Counts> perCommunity = new TreeMap<>(java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder()));
            Counts total = new Counts(null);
            try (PreparedStatement select = c.prepareStatement("""
                    select community_id, kind, decision, automated, category, ground, action, appeal_outcome,
                           count(*)
                      from decision_log
                     where (cast(? as text) is null or tenant = ?) and occurred_at >= ? and occurred_at < ?
                     group by community_id, kind, decision, automated, category, ground, action, appeal_outcome""")) {
                bind(select, tenant, from, to);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        UUID community = r.getObject(1, UUID.class);
                        Row row = new Row(r.getString(2), r.getString(3), r.getBoolean(4), r.getString(5),
                                r.getString(6), r.getString(7), r.getString(8), r.getLong(9));
                        perCommunity.computeIfAbsent(community, Counts::new).add(row);
                        total.add(row);
                    }
                }
            }
            Map<UUID, double[]> times = new LinkedHashMap<>();
            try (PreparedStatement select = c.prepareStatement("""
                    select community_id,
                           percentile_cont(0.5) within group (order by extract(epoch from occurred_at - opened_at)),
                           percentile_cont(0.9) within group (order by extract(epoch from occurred_at - opened_at)),
                           grouping(community_id)
                      from decision_log
                     where (cast(? as text) is null or tenant = ?) and occurred_at >= ? and occurred_at < ?
                       and kind = 'DECISION' and opened_at is not null
                     group by rollup (community_id)""")) {
                bind(select, tenant, from, to);
                try (ResultSet r = select.executeQuery()) {
                    while (r.next()) {
                        double[] t = {r.getDouble(2), r.getDouble(3)};
                        if (r.getInt(4) == 1) {
                            total.times = t;
                        } else {
                            times.put(r.getObject(1, UUID.class), t);
                        }
                    }
                }
            }
            List<Figures> communities = new ArrayList<>();
            perCommunity.forEach((id, counts) -> {
                counts.times = times.get(id);
                communities.add(counts.figures());
            });
            return new Report(tenant.orElse(null), from, to, total.figures(), communities);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot compute the transparency report", e);
        }
    }

    private static void bind(PreparedStatement s, Optional<String> tenant, Instant from, Instant to) throws SQLException {
        s.setString(1, tenant.orElse(null));
        s.setString(2, tenant.orElse(null));
        s.setTimestamp(3, Timestamp.from(from));
        s.setTimestamp(4, Timestamp.from(to));
    }

    private record Row(String kind, String decision, boolean automated, String category, String ground, String action,
                       String appealOutcome, long count) {
    }

    /** Running totals of one community (or of all). */
    private static final class Counts {
        final UUID community;
        long decisions;
        long approved;
        long rejected;
        long automated;
        long human;
        long appeals;
        long upheld;
        long reversed;
        long hidden;
        final Map<String, Long> category = new TreeMap<>();
        final Map<String, Long> ground = new TreeMap<>();
        final Map<String, Long> action = new TreeMap<>();
        double[] times;

        Counts(UUID community) {
            this.community = community;
        }

        void add(Row r) {
            switch (r.kind()) {
                case "DECISION" -> {
                    decisions += r.count();
                    if ("APPROVED".equals(r.decision())) {
                        approved += r.count();
                    } else {
                        rejected += r.count();
                        category.merge(String.valueOf(r.category()), r.count(), Long::sum);
                        ground.merge(String.valueOf(r.ground()), r.count(), Long::sum);
                        action.merge(String.valueOf(r.action()), r.count(), Long::sum);
                    }
                    if (r.automated()) {
                        automated += r.count();
                    } else {
                        human += r.count();
                    }
                }
                case "APPEAL" -> appeals += r.count();
                case "APPEAL_DECISION" -> {
                    if ("REVERSE".equals(r.appealOutcome())) {
                        reversed += r.count();
                    } else {
                        upheld += r.count();
                    }
                }
                case "AUTO_HIDE" -> hidden += r.count();
                default -> { }
            }
        }

        Figures figures() {
            return new Figures(community, decisions, approved, rejected, automated, human, category, ground, action,
                    times == null ? null : times[0], times == null ? null : times[1], appeals, upheld, reversed, hidden);
        }
    }

    /**
     * The report as CSV in long form, one figure per line ({@code community_id,measure,key,value}; the community is
     * empty on the lines of the whole tenant), so that a spreadsheet can pivot it whatever categories occur.
     */
    public static String csv(Report report) {
        StringBuilder out = new StringBuilder("community_id,measure,key,value\n");
        List<Figures> all = new ArrayList<>();
        all.add(report.total());
        all.addAll(report.communities());
        for (Figures f : all) {
            String id = f.communityId() == null ? "" : f.communityId().toString();
            line(out, id, "decisions", "", f.decisions());
            line(out, id, "decisions", "APPROVED", f.approved());
            line(out, id, "decisions", "REJECTED", f.rejected());
            line(out, id, "decisions", "automated", f.automated());
            line(out, id, "decisions", "human", f.human());
            f.byCategory().forEach((k, v) -> line(out, id, "category", k, v));
            f.byGround().forEach((k, v) -> line(out, id, "ground", k, v));
            f.byAction().forEach((k, v) -> line(out, id, "action", k, v));
            line(out, id, "seconds_to_decision", "median", f.medianSecondsToDecision());
            line(out, id, "seconds_to_decision", "p90", f.p90SecondsToDecision());
            line(out, id, "appeals", "filed", f.appealsFiled());
            line(out, id, "appeals", "upheld", f.appealsUpheld());
            line(out, id, "appeals", "reversed", f.appealsReversed());
            line(out, id, "automatically_hidden", "", f.automaticallyHidden());
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String community, String measure, String key, Object value) {
        out.append(community).append(',').append(measure).append(',').append(key).append(',')
                .append(value == null ? "" : value).append('\n');
    }
}
