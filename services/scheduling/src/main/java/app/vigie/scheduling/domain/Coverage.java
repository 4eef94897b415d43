package app.vigie.scheduling.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Whether the shifts cover what a community promises: every hour of its coverage promise, in each of its languages,
 * needs {@code required} people on duty who read that language, for the whole hour. Hours are cut at the promise's
 * own boundaries (an opening at 08:30 makes a half-hour slot) and counted as instants, so a night across a clock
 * change has 23 or 25 of them.
 */
public final class Coverage {

    private Coverage() {
    }

    /**
     * One person's shift. It covers the {@code communities} it names, and those the {@code teams} it names are
     * assigned to; naming neither, every community the person manages.
     */
    public record Shift(String person, Instant from, Instant to, Set<String> languages, Set<UUID> communities,
                        Set<UUID> teams) {

        public Shift(String person, Instant from, Instant to, Set<String> languages, Set<UUID> communities) {
            this(person, from, to, languages, communities, Set.of());
        }
    }

    /** A community as the check needs it: its managers, and the teams assigned to it. */
    public record Community(UUID id, List<String> languages, CoveragePromise promise, Set<String> managers,
                            Set<UUID> teams) {

        public Community(UUID id, List<String> languages, CoveragePromise promise, Set<String> managers) {
            this(id, languages, promise, managers, Set.of());
        }
    }

    /** A stretch of promised time in one language with fewer people than required. */
    public record Gap(UUID communityId, String language, Instant from, Instant to, int required, int present) {
    }

    public static List<Gap> gaps(Community community, List<Shift> shifts, Instant from, Instant to, int required) {
        List<Gap> gaps = new ArrayList<>();
        List<Shift> here = shifts.stream().filter(s -> covers(s, community))
                .sorted(Comparator.comparing(Shift::from)).toList();
        List<Slot> slots = slots(community.promise(), from, to);
        for (String language : community.languages()) {
            List<Shift> speakers = joined(here.stream().filter(s -> s.languages().contains(language)).toList());
            Gap open = null;
            for (Slot slot : slots) {
                int present = present(speakers, slot);
                if (present >= required) {
                    open = close(gaps, open);
                    continue;
                }
                if (open != null && open.to().equals(slot.from()) && open.present() == present) {
                    open = new Gap(open.communityId(), language, open.from(), slot.to(), required, present);
                } else {
                    close(gaps, open);
                    open = new Gap(community.id(), language, slot.from(), slot.to(), required, present);
                }
            }
            close(gaps, open);
        }
        return gaps;
    }

    /**
     * Each person's back-to-back or overlapping shifts joined into one stretch (08:00–12:30 then 12:30–17:00 is one
     * person present from 08:00 to 17:00, also over the 12:00–13:00 hour), sorted by start.
     */
    static List<Shift> joined(List<Shift> shifts) {
        Map<String, List<Shift>> byPerson = new HashMap<>();
        shifts.forEach(s -> byPerson.computeIfAbsent(s.person(), p -> new ArrayList<>()).add(s));
        List<Shift> joined = new ArrayList<>();
        for (List<Shift> own : byPerson.values()) {
            own.sort(Comparator.comparing(Shift::from));
            Shift current = own.getFirst();
            for (Shift next : own.subList(1, own.size())) {
                if (!next.from().isAfter(current.to())) {
                    Instant to = next.to().isAfter(current.to()) ? next.to() : current.to();
                    current = new Shift(current.person(), current.from(), to, current.languages(),
                            current.communities(), current.teams());
                } else {
                    joined.add(current);
                    current = next;
                }
            }
            joined.add(current);
        }
        joined.sort(Comparator.comparing(Shift::from));
        return joined;
    }

    private static Gap close(List<Gap> gaps, Gap open) {
        if (open != null) {
            gaps.add(open);
        }
        return null;
    }

    private static boolean covers(Shift shift, Community community) {
        if (shift.communities().isEmpty() && shift.teams().isEmpty()) {
            return community.managers().contains(shift.person());
        }
        return shift.communities().contains(community.id())
                || shift.teams().stream().anyMatch(community.teams()::contains);
    }

    /** People on duty for the whole slot (each person once, whatever their shifts' layout). */
    private static int present(List<Shift> speakers, Slot slot) {
        Set<String> people = new java.util.HashSet<>();
        for (Shift s : speakers) {
            if (s.from().isAfter(slot.from())) {
                break; // sorted by start: later shifts start after the slot does
            }
            if (!s.to().isBefore(slot.to())) {
                people.add(s.person());
            }
        }
        return people.size();
    }

    private record Slot(Instant from, Instant to) {
    }

    /** The promised time within [from, to), cut at every hour and at the promise's boundaries. */
    private static List<Slot> slots(CoveragePromise promise, Instant from, Instant to) {
        List<Slot> slots = new ArrayList<>();
        LocalDate day = ZonedDateTime.ofInstant(from, promise.zone()).toLocalDate();
        LocalDate last = ZonedDateTime.ofInstant(to, promise.zone()).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            for (CoveragePromise.Interval open : promise.on(day)) {
                Instant start = open.from().isBefore(from) ? from : open.from();
                Instant end = open.to().isAfter(to) ? to : open.to();
                while (start.isBefore(end)) {
                    Instant nextHour = start.truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
                    Instant slotEnd = nextHour.isBefore(end) ? nextHour : end;
                    slots.add(new Slot(start, slotEnd));
                    start = slotEnd;
                }
            }
        }
        return slots;
    }
}
