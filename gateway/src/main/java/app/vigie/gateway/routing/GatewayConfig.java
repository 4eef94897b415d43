package app.vigie.gateway.routing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** The gateway's routes and limits, from {@code vigie.gateway.*} in application.properties. */
@ConfigMapping(prefix = "vigie.gateway")
public interface GatewayConfig {

    /** Upstreams by name ({@code registry}, {@code intake}, ...). */
    Map<String, Route> routes();

    RateLimit rateLimit();

    @WithDefault("PT2S")
    Duration connectTimeout();

    /** How long an upstream may stay silent before the gateway answers 504. */
    @WithDefault("PT30S")
    Duration idleTimeout();

    interface Route {
        /** Path prefix on the gateway, e.g. {@code /api/registry}; stripped before forwarding. */
        String prefix();

        /** Base URL of the upstream, e.g. {@code http://127.0.0.1:8081}. */
        String url();

        /** Prefix prepended upstream after stripping ({@code /webhooks} keeps its path at intake). */
        Optional<String> upstreamPrefix();

        /** Public routes skip token checks: platform webhooks are authenticated by their signature upstream. */
        @WithDefault("false")
        boolean anonymous();

        /** Whether the upstream publishes an OpenAPI document at /q/openapi to merge. */
        @WithDefault("true")
        boolean openapi();
    }

    interface RateLimit {
        /** Requests a caller may burst. */
        @WithDefault("200")
        int capacity();

        /** Sustained requests per second per caller. */
        @WithDefault("100")
        double perSecond();
    }
}
