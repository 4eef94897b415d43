package app.vigie.gateway.security;

import app.vigie.gateway.routing.GatewayConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per caller (the token's subject, or the client address for anonymous routes): {@code capacity}
 * requests at once, refilled at {@code perSecond}. Buckets live in this gateway instance, so with N replicas a
 * caller gets up to N times the rate; the limit protects the services from one runaway client, it is not billing.
 */
@ApplicationScoped
public class RateLimiter {

    /** The outcome for one request: allowed, or refused with the wait before the next token. */
    public record Decision(boolean allowed, Duration retryAfter) {
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int capacity;
    private final double perSecond;
    private final LongSupplier nanoTime;

    @Inject
    RateLimiter(GatewayConfig config) {
        this(config.rateLimit().capacity(), config.rateLimit().perSecond(), System::nanoTime);
    }

    RateLimiter(int capacity, double perSecond, LongSupplier nanoTime) {
        this.capacity = capacity;
        this.perSecond = perSecond;
        this.nanoTime = nanoTime;
    }

    public Decision take(String caller) {
        return buckets.computeIfAbsent(caller, k -> new Bucket(capacity, nanoTime.getAsLong())).take();
    }

    /** Forget callers whose bucket has refilled: they are indistinguishable from new ones, and memory stays bounded. */
    @Scheduled(every = "1m", identity = "vigie-gateway-rate-limit-sweep")
    void sweep() {
        long now = nanoTime.getAsLong();
        buckets.values().removeIf(bucket -> bucket.fullAt(now));
    }

    int trackedCallers() {
        return buckets.size();
    }

    private final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(double tokens, long now) {
            this.tokens = tokens;
            this.refilledAt = now;
        }

        synchronized Decision take() {
            refill(nanoTime.getAsLong());
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, Duration.ZERO);
            }
            long waitNanos = (long) Math.ceil((1 - tokens) / perSecond * 1e9);
            return new Decision(false, Duration.ofNanos(waitNanos));
        }

        synchronized boolean fullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) / 1e9 * perSecond);
            refilledAt = now;
        }
    }
}
