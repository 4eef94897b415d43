package app.vigie.registry.domain;

import app.vigie.contracts.community.CommunitySnapshot.Coverage;
import app.vigie.contracts.community.CommunitySnapshot.TimeRange;
import app.vigie.platform.problem.ProblemException;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules a community's settings must satisfy beyond their shape. */
public final class CommunityRules {

    public static final String ALWAYS = "ALWAYS";
    public static final String OPENING_HOURS = "OPENING_HOURS";

    private CommunityRules() {
    }

    /** An IANA region zone such as {@code Europe/Paris}; offsets and abbreviations are refused. */
    public static String timeZone(String zone, String field) {
        if (zone == null || !ZoneId.getAvailableZoneIds().contains(zone)) {
            throw ProblemException.invalid(field, "not an IANA time zone (e.g. Europe/Paris): " + zone);
        }
        return zone;
    }

    /** An absolute http(s) URL with a host, or null when absent. */
    public static String url(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (!uri.isAbsolute() || uri.getHost() == null
                    || !Set.of("http", "https").contains(uri.getScheme().toLowerCase())) {
                throw new IllegalArgumentException();
            }
            return value;
        } catch (Exception e) {
            throw ProblemException.invalid(field, "not an absolute http(s) URL: " + value);
        }
    }

    /**
     * A 24/7 promise, or opening hours per weekday as non-overlapping {@code HH:mm} ranges with from before to.
     * Returns it normalised: weekdays in order, ranges sorted.
     */
    public static Coverage coverage(Coverage coverage, String field) {
        if (coverage == null || coverage.mode() == null) {
            throw ProblemException.invalid(field + ".mode", "must be ALWAYS or OPENING_HOURS");
        }
        if (ALWAYS.equals(coverage.mode())) {
            if (coverage.hours() != null && !coverage.hours().isEmpty()) {
                throw ProblemException.invalid(field + ".hours", "must be empty when mode is ALWAYS");
            }
            return new Coverage(ALWAYS, null);
        }
        if (!OPENING_HOURS.equals(coverage.mode())) {
            throw ProblemException.invalid(field + ".mode", "must be ALWAYS or OPENING_HOURS");
        }
        if (coverage.hours() == null || coverage.hours().isEmpty()) {
            throw ProblemException.invalid(field + ".hours", "opening hours need at least one weekday");
        }
        Map<String, List<TimeRange>> normalised = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<TimeRange> ranges = coverage.hours().get(day.name());
            if (ranges != null && !ranges.isEmpty()) {
                normalised.put(day.name(), day(ranges, field + ".hours." + day.name()));
            }
        }
        for (String key : coverage.hours().keySet()) {
            if (!normalised.containsKey(key) && !isWeekday(key)) {
                throw ProblemException.invalid(field + ".hours." + key, "not a weekday (MONDAY … SUNDAY)");
            }
        }
        if (normalised.isEmpty()) {
            throw ProblemException.invalid(field + ".hours", "opening hours need at least one range");
        }
        return new Coverage(OPENING_HOURS, normalised);
    }

    private static List<TimeRange> day(List<TimeRange> ranges, String field) {
        record Parsed(int index, LocalTime from, LocalTime to) {
        }
        List<Parsed> parsed = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            TimeRange range = ranges.get(i);
            LocalTime from = time(range == null ? null : range.from(), field + "[" + i + "].from");
            LocalTime to = time(range.to(), field + "[" + i + "].to");
            if (!from.isBefore(to)) {
                throw ProblemException.invalid(field + "[" + i + "]", "from must be before to");
            }
            parsed.add(new Parsed(i, from, to));
        }
        parsed.sort(Comparator.comparing(Parsed::from));
        for (int i = 1; i < parsed.size(); i++) {
            if (parsed.get(i).from().isBefore(parsed.get(i - 1).to())) {
                throw ProblemException.invalid(field + "[" + parsed.get(i).index() + "]",
                        "overlaps the range starting at " + parsed.get(i - 1).from());
            }
        }
        return parsed.stream().map(p -> new TimeRange(p.from().toString(), p.to().toString())).toList();
    }

    private static LocalTime time(String value, String field) {
        try {
            if (value == null || !value.matches("\\d{2}:\\d{2}")) {
                throw new DateTimeParseException("", String.valueOf(value), 0);
            }
            return LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(field, "must be a time HH:mm: " + value);
        }
    }

    private static boolean isWeekday(String key) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().equals(key)) {
                return true;
            }
        }
        return false;
    }
}
