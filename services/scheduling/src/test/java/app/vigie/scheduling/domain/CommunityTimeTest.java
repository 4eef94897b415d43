package app.vigie.scheduling.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Europe/Paris changes clocks on the last Sundays of March (02:00 → 03:00) and October (03:00 → 02:00). */
class CommunityTimeTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Test
    void aTimeTheClocksSkipIsRefusedNotMoved() {
        assertThatThrownBy(() -> CommunityTime.instantOf(LocalDateTime.parse("2027-03-28T02:30"), PARIS, null, "body.plannedAt"))
                .isInstanceOf(PostRefused.class).hasMessageContaining("does not exist")
                .extracting(e -> ((PostRefused) e).field()).isEqualTo("body.plannedAt");
    }

    @Test
    void aTimeThatHappensTwiceIsTheFirstUnlessTheOffsetSaysOtherwise() {
        LocalDateTime twice = LocalDateTime.parse("2026-10-25T02:30");
        assertThat(CommunityTime.instantOf(twice, PARIS, null, "f")).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(CommunityTime.instantOf(twice, PARIS, ZoneOffset.ofHours(1), "f")).isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
        assertThatThrownBy(() -> CommunityTime.instantOf(twice, PARIS, ZoneOffset.ofHours(5), "f")).isInstanceOf(PostRefused.class);
    }

    @Test
    void daysAcrossClockChangesLast23Or25Hours() {
        CommunityTime.Period spring = CommunityTime.period("day", LocalDate.parse("2027-03-28"), PARIS);
        assertThat(Duration.between(spring.from(), spring.to())).isEqualTo(Duration.ofHours(23));
        CommunityTime.Period autumn = CommunityTime.period("day", LocalDate.parse("2026-10-25"), PARIS);
        assertThat(Duration.between(autumn.from(), autumn.to())).isEqualTo(Duration.ofHours(25));
        assertThat(autumn.from()).isEqualTo(Instant.parse("2026-10-24T22:00:00Z"));
        assertThat(autumn.to()).isEqualTo(Instant.parse("2026-10-25T23:00:00Z"));
    }

    @Test
    void weeksRunMondayToSundayAndMonthsWholeInTheCommunitysZone() {
        CommunityTime.Period week = CommunityTime.period("week", LocalDate.parse("2026-10-28"), PARIS);
        assertThat(week.first()).isEqualTo(LocalDate.parse("2026-10-26"));
        assertThat(week.last()).isEqualTo(LocalDate.parse("2026-11-01"));
        CommunityTime.Period clockChange = CommunityTime.period("week", LocalDate.parse("2026-10-25"), PARIS);
        assertThat(Duration.between(clockChange.from(), clockChange.to())).isEqualTo(Duration.ofHours(7 * 24 + 1));
        CommunityTime.Period month = CommunityTime.period("month", LocalDate.parse("2027-02-14"), PARIS);
        assertThat(month.first()).isEqualTo(LocalDate.parse("2027-02-01"));
        assertThat(month.last()).isEqualTo(LocalDate.parse("2027-02-28"));
        assertThat(month.from()).isEqualTo(Instant.parse("2027-01-31T23:00:00Z"));
        assertThatThrownBy(() -> CommunityTime.period("year", LocalDate.parse("2027-02-14"), PARIS))
                .isInstanceOf(PostRefused.class).extracting(e -> ((PostRefused) e).field()).isEqualTo("query.view");
    }

    @Test
    void aPostLateOnSaturdayInParisIsOnSaturdayThereThoughSundayInUtcPlusTen() {
        Instant late = Instant.parse("2026-12-05T22:30:00Z");
        assertThat(CommunityTime.dayOf(late, PARIS)).isEqualTo(LocalDate.parse("2026-12-05"));
        assertThat(CommunityTime.dayOf(late, ZoneId.of("Australia/Sydney"))).isEqualTo(LocalDate.parse("2026-12-06"));
    }
}
