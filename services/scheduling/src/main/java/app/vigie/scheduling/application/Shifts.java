package app.vigie.scheduling.application;

import app.vigie.platform.id.UuidV7;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.security.Caller;
import app.vigie.scheduling.domain.CommunityTime;
import app.vigie.scheduling.domain.PostRefused;
import app.vigie.scheduling.infrastructure.CommunityCopyEntity;
import app.vigie.scheduling.infrastructure.ShiftEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Rosters: who is on duty when, answering in which languages, for which communities or teams. Planned by the client's
 * admins and the platform's; a person never has two shifts at once.
 */
@ApplicationScoped
public class Shifts {

    /** A shift longer than this is a typing error, not a shift. */
    static final Duration LONGEST = Duration.ofHours(24);
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");

    @Inject
    Caller caller;
    @Inject
    Clock clock;

    /** A shift as planned: local start and end in {@code timeZone} (an overnight shift ends the next day). */
    public record Plan(String tenant, String person, String personName, String start, String end, String timeZone,
                       List<String> languages, List<UUID> communities, List<UUID> teams) {
    }

    @WithTransaction
    public Uni<ShiftEntity> plan(Plan plan) {
        String tenant = caller.tenantForWrite(plan.tenant());
        String person = plan.person().strip(); // the same person however the name is padded
        ZoneId zone = Refusals.answering(() -> CommunityTime.zone(plan.timeZone().strip(), "body.timeZone"));
        Instant start = local(plan.start(), zone, "body.start");
        Instant end = local(plan.end(), zone, "body.end");
        if (!end.isAfter(start)) {
            throw ProblemException.invalid("body.end", "must be after the start (an overnight shift ends the next day)");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw ProblemException.invalid("body.end", "a shift lasts at most 24 hours");
        }
        for (int i = 0; i < plan.languages().size(); i++) {
            if (!LANGUAGE.matcher(plan.languages().get(i)).matches()) {
                throw ProblemException.invalid("body.languages[" + i + "]", "must be an ISO 639-1 code (fr, en)");
            }
        }
        List<UUID> communities = plan.communities() == null ? List.of() : plan.communities();
        return CommunityCopyEntity.<CommunityCopyEntity>list("id in ?1", communities).chain(found -> {
            for (int i = 0; i < communities.size(); i++) {
                UUID id = communities.get(i);
                if (found.stream().noneMatch(c -> c.id.equals(id) && c.tenant.equals(tenant))) {
                    throw ProblemException.invalid("body.communities[" + i + "]", "is not a community of " + tenant);
                }
            }
            // one person's shifts are planned one at a time, so that two overlapping plans cannot both pass the check
            return Panache.getSession().chain(session -> session
                            .createNativeQuery("select cast(pg_advisory_xact_lock(hashtext(:person)) as text)")
                            .setParameter("person", "shift:" + tenant + ":" + person).getSingleResultOrNull())
                    // within the company's roster: another company's rosters are not this caller's to see
                    .chain(() -> ShiftEntity.count("tenant = ?1 and person = ?2 and startsAt < ?4 and endsAt > ?3",
                            tenant, person, start, end))
                    .chain(overlapping -> {
                        if (overlapping > 0) {
                            throw ProblemException.conflict("body.start", person + " already has a shift in that time");
                        }
                        ShiftEntity shift = new ShiftEntity();
                        shift.id = UuidV7.generate();
                        shift.tenant = tenant;
                        shift.person = person;
                        shift.personName = plan.personName();
                        shift.startsAt = start;
                        shift.endsAt = end;
                        shift.timeZone = zone.getId();
                        shift.languages = String.join(",", plan.languages());
                        shift.communities = String.join(",", communities.stream().map(UUID::toString).toList());
                        shift.teams = String.join(",", (plan.teams() == null ? List.<UUID>of() : plan.teams())
                                .stream().map(UUID::toString).toList());
                        shift.createdBy = caller.subject();
                        shift.createdAt = clock.instant();
                        return shift.persist().replaceWith(shift);
                    });
        });
    }

    /** Shifts overlapping [from, to) of the caller's company (platform staff: the one named, or all). */
    @WithSession
    public Uni<List<ShiftEntity>> during(Instant from, Instant to, String tenant, String person) {
        Optional<String> scope = caller.tenantToRead(tenant);
        StringBuilder query = new StringBuilder("startsAt < :to and endsAt > :from");
        Parameters parameters = Parameters.with("from", from).and("to", to);
        if (scope.isPresent()) {
            query.append(" and tenant = :tenant");
            parameters.and("tenant", scope.get());
        }
        if (person != null && !person.isBlank()) {
            query.append(" and person = :person");
            parameters.and("person", person.strip());
        }
        return ShiftEntity.<ShiftEntity>find(query + " order by startsAt, person", parameters).range(0, 4_999).list();
    }

    @WithTransaction
    public Uni<Void> remove(UUID id) {
        return ShiftEntity.<ShiftEntity>findById(id).chain(shift -> {
            if (shift == null || !caller.canSee(shift.tenant)) {
                throw ProblemException.notFound("shift " + id);
            }
            return shift.delete();
        });
    }

    private static Instant local(String value, ZoneId zone, String field) {
        try {
            LocalDateTime local = LocalDateTime.parse(value.strip());
            return Refusals.answering(() -> CommunityTime.instantOf(local, zone, null, field));
        } catch (DateTimeException e) {
            throw ProblemException.invalid(field, "must be a local date and time (2026-12-24T22:00)");
        }
    }
}
