package app.vigie.scheduling.domain;

/**
 * Where a post of the editorial calendar stands. The client approves what is published in its name: a post is
 * scheduled only once approved, and any change after approval sends it back to a draft the client sees again.
 */
public enum PostState {
    DRAFT,
    SUBMITTED,
    CHANGES_REQUESTED,
    APPROVED,
    SCHEDULED,
    /** Handed to the publisher at its planned time ({@code post.due}); the client's answer is awaited. */
    DUE,
    PUBLISHED,
    FAILED,
    CANCELLED;

    /** A post in these states is no longer the calendar's to change. */
    public boolean isSettled() {
        return this == DUE || this == PUBLISHED || this == FAILED || this == CANCELLED;
    }
}
