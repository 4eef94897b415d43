package app.vigie.contracts.community;

/** The one taxonomy of forbidden content: policies forbid these, triage suggests them, rejections cite them. */
public enum Category {
    INSULT,
    HATE,
    THREAT,
    HARASSMENT,
    SEXUAL,
    VIOLENCE,
    SPAM,
    SCAM,
    PERSONAL_DATA,
    ILLEGAL_OTHER,
    OFF_TOPIC,
    COMPETITOR_PROMOTION
}
