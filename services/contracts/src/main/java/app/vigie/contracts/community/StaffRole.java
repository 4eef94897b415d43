package app.vigie.contracts.community;

/** The role a person or team holds on a community. */
public enum StaffRole {
    MODERATOR,
    SENIOR_MODERATOR,
    COMMUNITY_MANAGER
}
