package app.vigie.scheduling.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When a community promises that someone answers: always (24/7), or in opening hours given per weekday in the
 * community's time zone. Deadlines count only promised time, and coverage checks only promised hours.
 *
 * @param hours per weekday, the local time ranges [from, to); a range ending at 00:00 runs to midnight
 */
public record CoveragePromise(boolean always, Map<DayOfWeek, List<Range>> hours, ZoneId zone) {

    public record Range(LocalTime from, LocalTime to) {
    }

    public static CoveragePromise always(ZoneId zone) {
        return new CoveragePromise(true, Map.of(), zone);
    }

    /** From the registry's form: mode {@code ALWAYS} or {@code OPENING_HOURS} with {"MONDAY": [{"from","to"}]}. */
    public static CoveragePromise of(String mode, Map<String, List<Map<String, String>>> hours, ZoneId zone) {
        if (mode == null || "ALWAYS".equals(mode) || hours == null) {
            return always(zone);
        }
        Map<DayOfWeek, List<Range>> days = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, ranges) -> days.put(DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)), ranges.stream()
                .map(r -> new Range(LocalTime.parse(r.get("from")), LocalTime.parse(r.get("to")))).toList()));
        return new CoveragePromise(false, days, zone);
    }

    /**
     * The promised intervals of one local day, as instants. A local time the clocks skip moves forward with them
     * (an opening at 02:30 on the spring-forward night opens at 03:00), as the people at work would.
     */
    public List<Interval> on(LocalDate day) {
        if (always) {
            return List.of(new Interval(day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant()));
        }
        List<Interval> intervals = new ArrayList<>();
        for (Range r : hours.getOrDefault(day.getDayOfWeek(), List.of())) {
            Instant from = ZonedDateTime.of(day, r.from(), zone).toInstant();
            Instant to = r.to().equals(LocalTime.MIDNIGHT) ? day.plusDays(1).atStartOfDay(zone).toInstant()
                    : ZonedDateTime.of(day, r.to(), zone).toInstant();
            if (to.isAfter(from)) {
                intervals.add(new Interval(from, to));
            }
        }
        return intervals;
    }

    /** An interval of time [from, to). */
    public record Interval(Instant from, Instant to) {

        public Duration length() {
            return Duration.between(from, to);
        }
    }

    /**
     * The instant by which {@code sla} of promised time has passed since {@code from}: the clock runs only while
     * the community is covered. In a 24/7 community, a complaint at 23:00 on a Friday with a 2-hour SLA is due at
     * 01:00 on Saturday, not on Monday.
     */
    public Instant deadline(Instant from, Duration sla) {
        if (always) {
            return from.plus(sla);
        }
        if (hours.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalStateException("a community promising no opening hours has no deadline");
        }
        Duration left = sla;
        LocalDate day = ZonedDateTime.ofInstant(from, zone).toLocalDate().minusDays(1);
        while (true) {
            for (Interval open : on(day)) {
                if (!open.to().isAfter(from)) {
                    continue;
                }
                Instant start = open.from().isBefore(from) ? from : open.from();
                Duration available = Duration.between(start, open.to());
                if (available.compareTo(left) >= 0) {
                    return start.plus(left);
                }
                left = left.minus(available);
            }
            day = day.plusDays(1);
        }
    }
}
