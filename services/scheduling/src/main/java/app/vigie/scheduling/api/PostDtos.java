package app.vigie.scheduling.api;

import app.vigie.scheduling.application.Posts;
import app.vigie.scheduling.domain.CommunityTime;
import app.vigie.scheduling.infrastructure.PostHistoryEntity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What the calendar's endpoints read and answer. */
public final class PostDtos {

    private PostDtos() {
    }

    @Schema(name = "PostRequest")
    public record Request(
            @NotNull UUID communityId,
            @NotBlank @Size(max = 10_000) String text,
            @Size(max = 20) List<@NotBlank @Size(max = 2_000) String> media,
            @NotBlank @Size(max = 40)
            @Schema(description = "Local date and time in the community's time zone (2026-12-24T18:00), or an instant with its offset")
            String plannedAt) {

        Posts.Draft draft() {
            return new Posts.Draft(communityId, text, media, plannedAt);
        }
    }

    /** An edit: the community cannot change. */
    @Schema(name = "PostEdit")
    public record Edit(
            @NotBlank @Size(max = 10_000) String text,
            @Size(max = 20) List<@NotBlank @Size(max = 2_000) String> media,
            @NotBlank @Size(max = 40) String plannedAt) {
    }

    @Schema(name = "ChangesRequested")
    public record ChangesRequested(@NotBlank @Size(max = 4_000) String comment) {
    }

    @Schema(name = "Cancellation")
    public record Cancellation(@Size(max = 4_000) String reason) {
    }

    @Schema(name = "PostStep")
    public record Step(Instant at, String actor, String action, String state, String comment) {
    }

    @Schema(name = "Post")
    public record View(UUID id, String tenant, UUID communityId, String communityName, String text, List<String> media,
                       Instant plannedAt, LocalDateTime plannedLocal, String timeZone, String author, String authorName,
                       String state, String reviewComment, String approvedBy, Instant approvedAt, Instant dueAt,
                       Instant publishedAt, String externalId, String permalink, String failure, int attempts,
                       int version,
                       Instant createdAt, Instant updatedAt, List<Step> history) {
    }

    @Schema(name = "CalendarDay")
    public record Day(LocalDate date, List<View> posts) {
    }

    @Schema(name = "Calendar")
    public record Calendar(String view, LocalDate first, LocalDate last, Instant from, Instant to, String timeZone,
                           UUID communityId, String tenant, int posts, boolean truncated, List<Day> days) {
    }

    static View view(Posts.Found found) {
        var p = found.post();
        var c = found.community();
        ZoneId zone = ZoneId.of(c.timeZone);
        return new View(p.id, p.tenant, p.communityId, c.name, p.text, Posts.media(p), p.plannedAt,
                LocalDateTime.ofInstant(p.plannedAt, zone), c.timeZone, p.author, p.authorName, p.state.name(),
                p.reviewComment, p.approvedBy, p.approvedAt, p.dueAt, p.publishedAt, p.externalId, p.permalink,
                p.failure, p.attempts, p.version, p.createdAt, p.updatedAt, found.history().stream().map(PostDtos::step).toList());
    }

    private static Step step(PostHistoryEntity h) {
        return new Step(h.at, h.actor, h.action, h.state, h.comment);
    }

    /** Every day of the period, each with its posts (possibly none), days as the period's zone counts them. */
    static Calendar calendar(Posts.Calendar calendar) {
        CommunityTime.Period period = calendar.period();
        Map<LocalDate, List<View>> days = new LinkedHashMap<>();
        for (LocalDate d = period.first(); !d.isAfter(period.last()); d = d.plusDays(1)) {
            days.put(d, new ArrayList<>());
        }
        for (Posts.Found found : calendar.posts()) {
            days.get(CommunityTime.dayOf(found.post().plannedAt, period.zone())).add(view(found));
        }
        return new Calendar(period.view(), period.first(), period.last(), period.from(), period.to(),
                period.zone().getId(), calendar.communityId(), calendar.tenant(), calendar.posts().size(),
                calendar.truncated(), days.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList());
    }
}
