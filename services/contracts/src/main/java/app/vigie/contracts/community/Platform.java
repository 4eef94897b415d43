package app.vigie.contracts.community;

/** Where a community lives. */
public enum Platform {
    FACEBOOK_PAGE,
    INSTAGRAM_ACCOUNT,
    X_ACCOUNT,
    YOUTUBE_CHANNEL,
    WEBSITE_COMMENTS,
    FORUM,
    NEWS_COMMENTS
}
