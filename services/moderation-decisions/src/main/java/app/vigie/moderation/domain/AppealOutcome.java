package app.vigie.moderation.domain;

/** What an appeal did to the decision it contested. */
public enum AppealOutcome {
    UPHOLD,
    REVERSE
}
