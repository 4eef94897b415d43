package app.vigie.scheduling.api;

import app.vigie.scheduling.application.Shifts;
import app.vigie.scheduling.application.Tasks;
import app.vigie.scheduling.infrastructure.ShiftEntity;
import app.vigie.scheduling.infrastructure.TaskEntity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Shifts and reply tasks as the API reads and answers them. */
public final class DutyDtos {

    private DutyDtos() {
    }

    @Schema(name = "ShiftRequest")
    public record ShiftRequest(
            @Schema(description = "Platform staff name the company; others plan their own") String tenant,
            @NotBlank @Size(max = 200) @Schema(description = "The person's Keycloak subject") String person,
            @Size(max = 200) String personName,
            @NotBlank @Size(max = 40) @Schema(description = "Local start, 2026-12-24T22:00") String start,
            @NotBlank @Size(max = 40) @Schema(description = "Local end; an overnight shift ends the next day") String end,
            @NotBlank @Size(max = 60) String timeZone,
            @NotEmpty @Size(max = 10) List<@NotBlank String> languages,
            @Size(max = 200) List<@NotNull UUID> communities,
            @Size(max = 50) @Schema(description = "Registry teams: the shift covers the communities they are assigned to")
            List<@NotNull UUID> teams) {

        Shifts.Plan plan() {
            return new Shifts.Plan(tenant, person, personName, start, end, timeZone, languages, communities, teams);
        }
    }

    @Schema(name = "Shift")
    public record Shift(UUID id, String tenant, String person, String personName, Instant start, Instant end,
                        LocalDateTime localStart, LocalDateTime localEnd, String timeZone, List<String> languages,
                        List<UUID> communities, List<UUID> teams) {

        static Shift of(ShiftEntity s) {
            ZoneId zone = ZoneId.of(s.timeZone);
            return new Shift(s.id, s.tenant, s.person, s.personName, s.startsAt, s.endsAt,
                    LocalDateTime.ofInstant(s.startsAt, zone), LocalDateTime.ofInstant(s.endsAt, zone), s.timeZone,
                    List.of(s.languages.split(",")), ids(s.communities), ids(s.teams));
        }

        private static List<UUID> ids(String joined) {
            return joined == null || joined.isEmpty() ? List.of()
                    : Arrays.stream(joined.split(",")).map(UUID::fromString).toList();
        }
    }

    @Schema(name = "TaskRequest")
    public record TaskRequest(@NotNull UUID communityId, @Size(min = 2, max = 2) String language,
                              @NotBlank @Size(max = 4_000) String note, UUID messageId) {

        Tasks.Request request() {
            return new Tasks.Request(communityId, language, note, messageId);
        }
    }

    @Schema(name = "TaskReply")
    public record TaskReply(@NotBlank @Size(max = 10_000) String text, @Size(max = 2_000) String link) {
    }

    @Schema(name = "Task")
    public record Task(UUID id, String tenant, UUID communityId, String source, String sourceId, UUID messageId,
                       String language, String note, String requestedBy, Instant requestedAt, Instant deadline,
                       boolean overdue, String state, String assignee, UUID assigneeShift, Instant assignedAt,
                       Instant doneAt, String doneBy, String replyText, String replyLink) {

        static Task of(TaskEntity t, Instant now) {
            boolean overdue = "OPEN".equals(t.state) ? !t.deadline.isAfter(now) : t.doneAt != null && t.doneAt.isAfter(t.deadline);
            return new Task(t.id, t.tenant, t.communityId, t.source, t.sourceId, t.messageId, t.language, t.note,
                    t.requestedBy, t.requestedAt, t.deadline, overdue, t.state, t.assignee, t.assigneeShift,
                    t.assignedAt, t.doneAt, t.doneBy, t.replyText, t.replyLink);
        }
    }
}
