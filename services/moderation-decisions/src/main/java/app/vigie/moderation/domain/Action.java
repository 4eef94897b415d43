package app.vigie.moderation.domain;

/** What is done about rejected content and its author (the client's enforcement callback carries it). */
public enum Action {
    REMOVED,
    HIDDEN,
    AUTHOR_WARNED,
    AUTHOR_BANNED
}
