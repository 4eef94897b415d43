package app.vigie.moderation.domain;

/**
 * Why content is rejected, as the DSA statement of reasons states it (art. 17(3)): illegal content, with the legal
 * provision it breaks, or content incompatible with the community's terms, with the house-rules clause.
 */
public enum Ground {
    ILLEGAL_CONTENT,
    INCOMPATIBLE_WITH_TERMS
}
