package app.vigie.scheduling.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Reply deadlines: SLA time counted only while the community promises answers. */
class CoveragePromiseTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    /** Monday to Friday 09:00–18:00, Saturday 10:00–13:00, closed on Sunday. */
    private static final CoveragePromise OFFICE = CoveragePromise.of("OPENING_HOURS", Map.of(
            "MONDAY", hours("09:00", "18:00"), "TUESDAY", hours("09:00", "18:00"), "WEDNESDAY", hours("09:00", "18:00"),
            "THURSDAY", hours("09:00", "18:00"), "FRIDAY", hours("09:00", "18:00"), "SATURDAY", hours("10:00", "13:00")),
            PARIS);

    private static List<Map<String, String>> hours(String from, String to) {
        return List.of(Map.of("from", from, "to", to));
    }

    private static Instant paris(String local) {
        return java.time.LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    @Test
    void aFridayNightComplaintInA247CommunityIsDueThatNightNotOnMonday() {
        CoveragePromise always = CoveragePromise.always(PARIS);
        assertThat(always.deadline(paris("2026-12-04T23:00"), Duration.ofHours(2))).isEqualTo(paris("2026-12-05T01:00"));
    }

    @Test
    void inOpeningHoursTheClockStopsWhenTheOfficeCloses() {
        // Friday 17:00 + 2 h: one hour on Friday, the second on Saturday from 10:00
        assertThat(OFFICE.deadline(paris("2026-12-04T17:00"), Duration.ofHours(2))).isEqualTo(paris("2026-12-05T11:00"));
        // Saturday 12:30 + 2 h: 30 min on Saturday, nothing on Sunday, 90 min on Monday
        assertThat(OFFICE.deadline(paris("2026-12-05T12:30"), Duration.ofHours(2))).isEqualTo(paris("2026-12-07T10:30"));
        // asked at night: the clock starts at opening
        assertThat(OFFICE.deadline(paris("2026-12-08T03:00"), Duration.ofMinutes(30))).isEqualTo(paris("2026-12-08T09:30"));
    }

    @Test
    void twentyFourSevenDeadlinesCountRealTimeAcrossClockChanges() {
        CoveragePromise always = CoveragePromise.always(PARIS);
        // the night of 28 March 2027 lasts an hour less: 00:30 + 3 h of real time is 04:30 on the wall clock
        assertThat(always.deadline(paris("2027-03-28T00:30"), Duration.ofHours(3))).isEqualTo(paris("2027-03-28T04:30"));
        // and in October an hour more: 00:30 + 3 h is 02:30 (the second one, in winter time)
        assertThat(always.deadline(paris("2026-10-25T00:30"), Duration.ofHours(3)))
                .isEqualTo(Instant.parse("2026-10-25T01:30:00Z"));
    }

    @Test
    void openingHoursOnAClockChangeDayCountTheHoursActuallyOpen() {
        CoveragePromise nights = CoveragePromise.of("OPENING_HOURS", Map.of("SUNDAY", hours("01:00", "05:00")), PARIS);
        // 28 March 2027: 01:00–05:00 local is only 3 hours (02:00 does not exist)
        assertThat(nights.on(java.time.LocalDate.parse("2027-03-28")).getFirst().length()).isEqualTo(Duration.ofHours(3));
        assertThat(nights.deadline(paris("2027-03-28T00:00"), Duration.ofHours(3))).isEqualTo(paris("2027-03-28T05:00"));
        // 25 October 2026: the same opening lasts 5 hours
        assertThat(nights.on(java.time.LocalDate.parse("2026-10-25")).getFirst().length()).isEqualTo(Duration.ofHours(5));
    }

    /**
     * Properties over random requests and SLAs, across both clock changes of 2026–2027: the deadline is never before
     * the request; the promised time between them is exactly the SLA; it falls within opening hours.
     */
    @Test
    void theOpenTimeBetweenRequestAndDeadlineIsTheSla() {
        Random random = new Random(20261206);
        Instant start = paris("2026-10-20T00:00");
        for (int i = 0; i < 3_000; i++) {
            Instant requested = start.plusSeconds(random.nextInt(60 * 60 * 24 * 180));
            Duration sla = Duration.ofMinutes(1 + random.nextInt(60 * 30));
            Instant deadline = OFFICE.deadline(requested, sla);
            assertThat(deadline).as("request %s sla %s", requested, sla).isAfter(requested);
            assertThat(openBetween(requested, deadline)).as("request %s sla %s", requested, sla).isEqualTo(sla);
            ZonedDateTime local = deadline.atZone(PARIS);
            assertThat(local.getDayOfWeek()).isNotEqualTo(DayOfWeek.SUNDAY);
            assertThat(local.toLocalTime()).isBetween(LocalTime.of(9, 0), LocalTime.of(18, 0));
            Instant always = CoveragePromise.always(PARIS).deadline(requested, sla);
            assertThat(Duration.between(requested, always)).isEqualTo(sla);
        }
    }

    private static Duration openBetween(Instant from, Instant to) {
        Duration open = Duration.ZERO;
        for (var day = from.atZone(PARIS).toLocalDate(); !day.isAfter(to.atZone(PARIS).toLocalDate()); day = day.plusDays(1)) {
            for (CoveragePromise.Interval i : OFFICE.on(day)) {
                Instant a = i.from().isBefore(from) ? from : i.from();
                Instant b = i.to().isAfter(to) ? to : i.to();
                if (b.isAfter(a)) {
                    open = open.plus(Duration.between(a, b));
                }
            }
        }
        return open;
    }
}
