package app.vigie.contracts.scheduling;

import java.time.Instant;
import java.util.UUID;

/**
 * Payload of {@code coverage.gap} (version 1): in the coming 48 hours, a stretch of a community's promised time in one
 * of its languages has fewer people on shift than required. Published once per gap as first found (a gap that
 * changes is a new one). Schema: {@code schemas/coverage-gap.v1.json}.
 */
public record CoverageGap(UUID communityId, String tenant, String language, Instant from, Instant to, int required,
                          int present) {

    public static final int VERSION = 1;
}
