package app.vigie.moderation.application;

import app.vigie.moderation.infrastructure.CommunityCopies;
import app.vigie.moderation.infrastructure.Exposures;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How much distressing content (violence, threats, sexual content, hate) a moderator has decided on during the
 * current shift, against the cap of their team. Past the cap, claim-next stops giving them such cases and says a
 * break is due. The shift is the last {@code vigie.moderation.shift} hours (rosters live in scheduling).
 */
@ApplicationScoped
public class Wellbeing {

    @Inject
    Exposures exposures;
    @Inject
    CommunityCopies communities;
    @Inject
    Clock clock;
    @ConfigProperty(name = "vigie.moderation.shift", defaultValue = "PT8H")
    Duration shift;
    @ConfigProperty(name = "vigie.moderation.exposure-cap", defaultValue = "30")
    int defaultCap;

    /** Where a moderator stands in this shift. */
    public record Status(String moderator, int exposures, int cap, boolean breakDue, Instant shiftSince) {
    }

    public Status of(String subject) {
        Instant since = shiftStart();
        int count = exposures.count(subject, since);
        Set<UUID> teams = communities.assignedTo(subject).stream()
                .flatMap(c -> c.staff().stream())
                .filter(s -> s.subject().equals(subject))
                .map(CommunityCopies.Staff::team)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        int cap = exposures.capOf(teams).orElse(defaultCap);
        return new Status(subject, count, cap, count >= cap, since);
    }

    public Instant shiftStart() {
        return clock.instant().minus(shift);
    }
}
