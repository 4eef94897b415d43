package app.vigie.platform.http;

import app.vigie.platform.problem.ProblemException;

/**
 * Optimistic locking over HTTP: a resource's {@code ETag} is its version, and an update must send it back in
 * {@code If-Match}. Missing → 428, stale → 412, so that two people editing the same thing never overwrite
 * each other silently.
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Refuses the update unless {@code ifMatch} names {@code currentVersion} (or is {@code *}). */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.versionRequired();
        }
        String current = of(currentVersion);
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(current)) {
                return;
            }
        }
        throw ProblemException.staleVersion(current);
    }
}
