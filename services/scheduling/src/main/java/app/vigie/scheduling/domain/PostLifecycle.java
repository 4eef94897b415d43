package app.vigie.scheduling.domain;

import java.time.Instant;

/**
 * The editorial rules, as transitions from a state to the next. Who may ask (community manager, client admin) is
 * checked by the application; whether the post's state allows it is decided here.
 */
public final class PostLifecycle {

    private PostLifecycle() {
    }

    /**
     * The state after an edit. Drafts and posts under changes stay as they are; a post the client is reviewing,
     * has approved or that is scheduled goes back to a draft: the client must see the new text before it goes out.
     */
    public static PostState edit(PostState state) {
        return switch (state) {
            case DRAFT, CHANGES_REQUESTED -> state;
            case SUBMITTED, APPROVED, SCHEDULED -> PostState.DRAFT;
            default -> throw settled(state, "edited");
        };
    }

    public static PostState submit(PostState state) {
        if (state != PostState.DRAFT && state != PostState.CHANGES_REQUESTED) {
            throw new PostRefused(null, "only a draft or a post with changes requested can be submitted; this one is " + state);
        }
        return PostState.SUBMITTED;
    }

    public static PostState approve(PostState state) {
        requireSubmitted(state, "approved");
        return PostState.APPROVED;
    }

    public static PostState requestChanges(PostState state, String comment) {
        requireSubmitted(state, "sent back");
        if (comment == null || comment.isBlank()) {
            throw new PostRefused("body.comment", "say what should change");
        }
        return PostState.CHANGES_REQUESTED;
    }

    /** Only an approved post is scheduled, and never for a time already past. */
    public static PostState schedule(PostState state, Instant plannedAt, Instant now) {
        if (state != PostState.APPROVED) {
            throw new PostRefused(null, "only a post the client approved can be scheduled; this one is " + state);
        }
        requireFuture(plannedAt, now);
        return PostState.SCHEDULED;
    }

    public static PostState unschedule(PostState state) {
        if (state != PostState.SCHEDULED) {
            throw new PostRefused(null, "the post is not scheduled; it is " + state);
        }
        return PostState.APPROVED;
    }

    public static PostState cancel(PostState state) {
        if (state.isSettled()) {
            throw settled(state, "cancelled");
        }
        return PostState.CANCELLED;
    }

    /** The publisher's turn: a scheduled post whose time has come. */
    public static PostState due(PostState state, Instant plannedAt, Instant now) {
        if (state != PostState.SCHEDULED || plannedAt.isAfter(now)) {
            throw new PostRefused(null, "the post is not due");
        }
        return PostState.DUE;
    }

    public static PostState published(PostState state) {
        requireDue(state);
        return PostState.PUBLISHED;
    }

    public static PostState failed(PostState state) {
        requireDue(state);
        return PostState.FAILED;
    }

    /** A planned time must lie ahead: the calendar does not take posts for the past. */
    public static void requireFuture(Instant plannedAt, Instant now) {
        if (!plannedAt.isAfter(now)) {
            throw new PostRefused("body.plannedAt", "is in the past (" + plannedAt + "); a post is planned ahead");
        }
    }

    private static void requireSubmitted(PostState state, String what) {
        if (state != PostState.SUBMITTED) {
            throw new PostRefused(null, "only a submitted post can be " + what + "; this one is " + state);
        }
    }

    private static void requireDue(PostState state) {
        if (state != PostState.DUE) {
            throw new PostRefused(null, "the post was not handed to the publisher; it is " + state);
        }
    }

    private static PostRefused settled(PostState state, String what) {
        return new PostRefused(null, "a post that is " + state + " can no longer be " + what);
    }
}
