package app.vigie.contracts.community;

/** When a message becomes visible: only after approval, or at once until rejected. */
public enum ModerationMode {
    /** Hidden until a moderator approves it (owned sites). */
    A_PRIORI,
    /** Visible until a moderator rejects it (social networks). */
    A_POSTERIORI
}
