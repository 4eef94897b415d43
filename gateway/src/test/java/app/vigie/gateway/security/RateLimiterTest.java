package app.vigie.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong(0);
    private final RateLimiter limiter = new RateLimiter(3, 2.0, now::get);

    @Test
    void aCallerMayBurstUpToTheCapacityThenWaitsForTheRefill() {
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.take("alice").allowed()).isTrue();
        }
        RateLimiter.Decision refused = limiter.take("alice");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void tokensComeBackAtTheConfiguredRate() {
        for (int i = 0; i < 3; i++) {
            limiter.take("alice");
        }
        now.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(limiter.take("alice").allowed()).isFalse();
        now.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(limiter.take("alice").allowed()).isTrue();
    }

    @Test
    void callersHaveSeparateBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.take("alice");
        }
        assertThat(limiter.take("alice").allowed()).isFalse();
        assertThat(limiter.take("bob").allowed()).isTrue();
    }

    @Test
    void sweepForgetsOnlyCallersWhoseBucketIsFullAgain() {
        limiter.take("alice");
        for (int i = 0; i < 3; i++) {
            limiter.take("bob");
        }
        now.addAndGet(Duration.ofMillis(600).toNanos());

        limiter.sweep();

        assertThat(limiter.trackedCallers()).isEqualTo(1);
    }
}
