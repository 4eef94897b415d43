package app.vigie.moderation.infrastructure;

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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/** Moderators' exposure to distressing content (kept by the queue processor) and the caps set per team. */
@ApplicationScoped
public class Exposures {

    /** Categories whose content counts as an exposure. */
    public static final List<String> DISTRESSING = List.of("VIOLENCE", "THREAT", "SEXUAL", "HATE");

    @Inject
    AgroalDataSource dataSource;

    /** One moderator's exposures since the start of the shift window. */
    public record Exposure(String moderator, int total, int violence, int threat, int sexual, int hate,
                           Instant lastAt) {
    }

    public int count(String moderator, Instant since) {
        return rows("where moderator = ? and decided_at >= ?", moderator, Timestamp.from(since)).stream()
                .mapToInt(Exposure::total).sum();
    }

    /** Per moderator, most exposed first; {@code tenant} empty for all tenants. */
    public List<Exposure> perModerator(Optional<String> tenant, Instant since) {
        return tenant.isPresent()
                ? rows("where tenant = ? and decided_at >= ?", tenant.get(), Timestamp.from(since))
                : rows("where decided_at >= ?", Timestamp.from(since));
    }

    /** The lowest cap set for any of these teams; empty when none has one. */
    public OptionalInt capOf(Collection<UUID> teams) {
        if (teams.isEmpty()) {
            return OptionalInt.empty();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select min(cap) from exposure_cap where team_id = any(?)")) {
            select.setArray(1, connection.createArrayOf("uuid", teams.toArray()));
            try (ResultSet r = select.executeQuery()) {
                r.next();
                int cap = r.getInt(1);
                return r.wasNull() ? OptionalInt.empty() : OptionalInt.of(cap);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read exposure caps", e);
        }
    }

    public void setCap(UUID team, int cap, String by, Instant at) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement upsert = connection.prepareStatement("""
                     insert into exposure_cap (team_id, cap, set_by, set_at) values (?, ?, ?, ?)
                     on conflict (team_id) do update set cap = excluded.cap, set_by = excluded.set_by,
                                                         set_at = excluded.set_at""")) {
            upsert.setObject(1, team);
            upsert.setInt(2, cap);
            upsert.setString(3, by);
            upsert.setTimestamp(4, Timestamp.from(at));
            upsert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the exposure cap of team " + team, e);
        }
    }

    private List<Exposure> rows(String where, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("""
                     select moderator, count(*),
                            count(*) filter (where category = 'VIOLENCE'), count(*) filter (where category = 'THREAT'),
                            count(*) filter (where category = 'SEXUAL'), count(*) filter (where category = 'HATE'),
                            max(decided_at)
                       from exposure """ + " " + where + " group by moderator order by count(*) desc, moderator")) {
            for (int i = 0; i < parameters.length; i++) {
                select.setObject(i + 1, parameters[i]);
            }
            List<Exposure> found = new ArrayList<>();
            try (ResultSet r = select.executeQuery()) {
                while (r.next()) {
                    found.add(new Exposure(r.getString(1), r.getInt(2), r.getInt(3), r.getInt(4), r.getInt(5),
                            r.getInt(6), r.getTimestamp(7).toInstant()));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read exposures", e);
        }
    }
}
