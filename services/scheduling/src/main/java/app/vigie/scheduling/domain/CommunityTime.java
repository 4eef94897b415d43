package app.vigie.scheduling.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Times as a community lives them: planned times are written in the community's time zone, and calendar days,
 * weeks and months are that zone's (a day across a clock change lasts 23 or 25 hours).
 */
public final class CommunityTime {

    private CommunityTime() {
    }

    /**
     * The instant of a local time in {@code zone}. A time the clocks skip (02:30 on the last Sunday of March in
     * Paris) does not exist and is refused rather than moved; a time that happens twice (02:30 on the last Sunday of
     * October) is the first of the two, unless {@code offset} says which.
     */
    public static Instant instantOf(LocalDateTime local, ZoneId zone, ZoneOffset offset, String field) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            throw new PostRefused(field, local + " does not exist in " + zone + " (the clocks go forward then)");
        }
        if (offset != null) {
            if (!offsets.contains(offset)) {
                throw new PostRefused(field, "the offset " + offset + " is not " + zone + "'s at " + local);
            }
            return local.toInstant(offset);
        }
        return local.toInstant(offsets.getFirst());
    }

    /** A calendar period: [from, to) as instants, and the local days it spans. */
    public record Period(String view, LocalDate first, LocalDate last, Instant from, Instant to, ZoneId zone) {
    }

    /** The day, ISO week (Monday to Sunday) or month around {@code date}, in {@code zone}. */
    public static Period period(String view, LocalDate date, ZoneId zone) {
        LocalDate first;
        LocalDate last;
        switch (view) {
            case "day" -> {
                first = date;
                last = date;
            }
            case "week" -> {
                first = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                last = first.plusDays(6);
            }
            case "month" -> {
                first = date.withDayOfMonth(1);
                last = date.with(TemporalAdjusters.lastDayOfMonth());
            }
            default -> throw new PostRefused("query.view", "must be day, week or month");
        }
        return new Period(view, first, last, first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant(), zone);
    }

    /** The local day an instant falls on in {@code zone}. */
    public static LocalDate dayOf(Instant instant, ZoneId zone) {
        return ZonedDateTime.ofInstant(instant, zone).toLocalDate();
    }

    /** A zone by its IANA name, or a refusal naming the field. */
    public static ZoneId zone(String name, String field) {
        try {
            return ZoneId.of(name);
        } catch (RuntimeException e) {
            throw new PostRefused(field, "is not a time zone (IANA name expected, e.g. Europe/Paris): " + name);
        }
    }
}
