package app.vigie.scheduling.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CoverageTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final UUID COMMUNITY = UUID.randomUUID();
    private static final Coverage.Community ALWAYS = new Coverage.Community(COMMUNITY, List.of("fr", "en"),
            CoveragePromise.always(PARIS), Set.of("anne", "bruno", "chloe"));

    private static Instant paris(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    private static Coverage.Shift shift(String person, String from, String to, String... languages) {
        return new Coverage.Shift(person, paris(from), paris(to), Set.of(languages), Set.of());
    }

    @Test
    void overnightShiftsCoverTheNightAndEveryGapIsNamed() {
        List<Coverage.Shift> shifts = List.of(
                shift("anne", "2026-12-07T06:00", "2026-12-07T14:00", "fr", "en"),
                shift("bruno", "2026-12-07T14:00", "2026-12-07T22:00", "fr"),
                shift("chloe", "2026-12-07T22:00", "2026-12-08T06:00", "fr", "en"));
        List<Coverage.Gap> gaps = Coverage.gaps(ALWAYS, shifts, paris("2026-12-07T06:00"), paris("2026-12-08T06:00"), 1);
        assertThat(gaps).containsExactly(new Coverage.Gap(COMMUNITY, "en", paris("2026-12-07T14:00"),
                paris("2026-12-07T22:00"), 1, 0));
    }

    @Test
    void theAutumnNightHasTwentyFiveHoursToCoverAndAShiftEndingAtSixCoversThemAll() {
        List<Coverage.Shift> shifts = List.of(shift("chloe", "2026-10-24T22:00", "2026-10-25T06:00", "fr"));
        Coverage.Community french = new Coverage.Community(COMMUNITY, List.of("fr"), CoveragePromise.always(PARIS),
                Set.of("chloe"));
        assertThat(Coverage.gaps(french, shifts, paris("2026-10-24T22:00"), paris("2026-10-25T06:00"), 1)).isEmpty();
        // nine real hours from 22:00 to 06:00 that night: someone ending at 05:00 leaves the last two uncovered
        List<Coverage.Shift> short_ = List.of(shift("chloe", "2026-10-24T22:00", "2026-10-25T05:00", "fr"));
        assertThat(Coverage.gaps(french, short_, paris("2026-10-24T22:00"), paris("2026-10-25T06:00"), 1))
                .containsExactly(new Coverage.Gap(COMMUNITY, "fr", paris("2026-10-25T05:00"), paris("2026-10-25T06:00"), 1, 0));
    }

    @Test
    void onlyPromisedHoursCountAndTwoPeopleMayBeRequired() {
        CoveragePromise office = CoveragePromise.of("OPENING_HOURS",
                Map.of("MONDAY", List.of(Map.of("from", "08:30", "to", "12:00"))), PARIS);
        Coverage.Community community = new Coverage.Community(COMMUNITY, List.of("fr"), office, Set.of("anne", "bruno"));
        List<Coverage.Shift> shifts = List.of(shift("anne", "2026-12-07T08:00", "2026-12-07T12:00", "fr"),
                shift("bruno", "2026-12-07T10:00", "2026-12-07T16:00", "fr"));
        assertThat(Coverage.gaps(community, shifts, paris("2026-12-07T00:00"), paris("2026-12-08T00:00"), 1)).isEmpty();
        assertThat(Coverage.gaps(community, shifts, paris("2026-12-07T00:00"), paris("2026-12-08T00:00"), 2))
                .containsExactly(new Coverage.Gap(COMMUNITY, "fr", paris("2026-12-07T08:30"), paris("2026-12-07T10:00"), 2, 1));
    }

    @Test
    void aShiftCountsForTheCommunitiesItNamesOrForThoseItsPersonManages() {
        UUID other = UUID.randomUUID();
        List<Coverage.Shift> shifts = List.of(
                new Coverage.Shift("dan", paris("2026-12-07T00:00"), paris("2026-12-08T00:00"), Set.of("fr", "en"), Set.of(COMMUNITY)),
                new Coverage.Shift("anne", paris("2026-12-07T00:00"), paris("2026-12-08T00:00"), Set.of("fr", "en"), Set.of(other)),
                new Coverage.Shift("eve", paris("2026-12-07T00:00"), paris("2026-12-08T00:00"), Set.of("fr", "en"), Set.of()));
        // dan names it; anne names another; eve does not manage it
        assertThat(Coverage.gaps(ALWAYS, shifts, paris("2026-12-07T00:00"), paris("2026-12-08T00:00"), 1)).isEmpty();
        assertThat(Coverage.gaps(ALWAYS, shifts, paris("2026-12-07T00:00"), paris("2026-12-08T00:00"), 2))
                .extracting(Coverage.Gap::present).containsOnly(1);
    }

    @Test
    void aShiftForATeamCoversTheCommunitiesTheTeamManages() {
        UUID team = UUID.randomUUID();
        Coverage.Community managedByTeam = new Coverage.Community(COMMUNITY, List.of("fr"), CoveragePromise.always(PARIS),
                Set.of(), Set.of(team));
        Coverage.Shift forTeam = new Coverage.Shift("gus", paris("2026-12-07T00:00"), paris("2026-12-08T00:00"),
                Set.of("fr"), Set.of(), Set.of(team));
        Coverage.Shift forAnother = new Coverage.Shift("hugo", paris("2026-12-07T00:00"), paris("2026-12-08T00:00"),
                Set.of("fr"), Set.of(), Set.of(UUID.randomUUID()));
        assertThat(Coverage.gaps(managedByTeam, List.of(forTeam), paris("2026-12-07T00:00"), paris("2026-12-08T00:00"), 1)).isEmpty();
        assertThat(Coverage.gaps(managedByTeam, List.of(forAnother), paris("2026-12-07T00:00"), paris("2026-12-08T00:00"), 1))
                .hasSize(1);
    }

    @Test
    void backToBackShiftsOfOnePersonCoverTheHourTheyMeetIn() {
        Coverage.Community french = new Coverage.Community(COMMUNITY, List.of("fr"), CoveragePromise.always(PARIS),
                Set.of("anne"));
        List<Coverage.Shift> shifts = List.of(shift("anne", "2026-12-07T08:00", "2026-12-07T12:30", "fr"),
                shift("anne", "2026-12-07T12:30", "2026-12-07T17:00", "fr"));
        assertThat(Coverage.gaps(french, shifts, paris("2026-12-07T08:00"), paris("2026-12-07T17:00"), 1)).isEmpty();
        // but a half-hour break leaves the hour it falls in uncovered
        List<Coverage.Shift> withBreak = List.of(shift("anne", "2026-12-07T08:00", "2026-12-07T12:00", "fr"),
                shift("anne", "2026-12-07T12:30", "2026-12-07T17:00", "fr"));
        assertThat(Coverage.gaps(french, withBreak, paris("2026-12-07T08:00"), paris("2026-12-07T17:00"), 1))
                .containsExactly(new Coverage.Gap(COMMUNITY, "fr", paris("2026-12-07T12:00"), paris("2026-12-07T13:00"), 1, 0));
    }
}
