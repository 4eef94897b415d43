package app.vigie.platform.problem;

import app.vigie.contracts.problem.ProblemKind;
import java.time.Duration;

/** 429 with the time after which the caller may try again ({@code Retry-After}, in whole seconds). */
public class RateLimitedException extends ProblemException {

    private final Duration retryAfter;

    public RateLimitedException(String detail, Duration retryAfter) {
        super(ProblemKind.RATE_LIMITED, detail);
        this.retryAfter = retryAfter;
    }

    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
