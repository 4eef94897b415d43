package app.vigie.moderation.api;

import app.vigie.contracts.community.Category;
import app.vigie.moderation.domain.Action;
import app.vigie.moderation.domain.Ground;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response shapes of the queue and the cases. */
public final class CaseDtos {

    private CaseDtos() {
    }

    @Schema(name = "Rejection", description = "Why the content goes: the category (registry taxonomy), the ground "
            + "(DSA art. 17: illegal content with the legal provision, or incompatible with the terms with the "
            + "house-rules clause), an explanation for the author, and what is done.")
    public record Rejection(
            @NotNull Category category,
            @NotNull Ground ground,
            @NotBlank @Size(max = 500) @Schema(description = "The legal provision (ILLEGAL_CONTENT) or the house-rules clause (INCOMPATIBLE_WITH_TERMS)")
            String reference,
            @NotBlank @Size(max = 4000) String explanation,
            @NotNull Action action) {
    }

    @Schema(name = "Escalation")
    public record Escalation(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(name = "Comment")
    public record Comment(@NotBlank @Size(max = 4000) String text) {
    }

    @Schema(name = "CaseHistoryEntry", description = "One event of the case, as recorded")
    public record HistoryEntry(long sequence, String type, Instant at, Object details) {
    }

    @Schema(name = "ReplyRequest")
    public record ReplyRequest(@NotBlank @Size(max = 2000) String note) {
    }

    @Schema(name = "Appeal", description = "Contesting a decision (DSA art. 20), within the appeal window")
    public record Appeal(@NotBlank @Size(max = 4000) String reason) {
    }

    @Schema(name = "AppealDecision", description = "UPHOLD keeps the decision; REVERSE turns it around. Reversing an "
            + "approval is a rejection: give it.")
    public record AppealDecision(@NotNull app.vigie.moderation.domain.AppealOutcome outcome,
                                 @NotBlank @Size(max = 4000) String explanation,
                                 @jakarta.validation.Valid Rejection rejection) {
    }

    @Schema(name = "CaseView", description = "The case's place in the queue, its author's record in the community "
            + "(repeat offenders), and its whole history")
    public record View(app.vigie.moderation.infrastructure.QueueRows.Row queueRow,
                       List<app.vigie.moderation.infrastructure.CaseMessages.Content> versions,
                       app.vigie.moderation.infrastructure.CaseMessages.AuthorRecord authorRecord,
                       List<HistoryEntry> history) {
    }
}
