package app.vigie.gateway.routing;

import app.vigie.contracts.problem.ProblemKind;
import app.vigie.gateway.request.Problems;
import app.vigie.gateway.request.RequestIdFilter;
import app.vigie.gateway.security.RateLimiter;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import org.jboss.logging.Logger;

/**
 * Mounts one reverse proxy per configured route. Each request goes through the gate first (a valid token unless
 * the route is anonymous, then the caller's rate limit) and is then forwarded with the Vert.x HTTP proxy.
 */
@ApplicationScoped
public class ProxyRoutes {

    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);

    @Inject
    GatewayConfig config;
    @Inject
    RateLimiter rateLimiter;
    @Inject
    Vertx vertx;

    void mount(@Observes Router router) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(200));
        config.routes().forEach((name, route) -> {
            URI upstream = URI.create(route.url());
            HttpProxy proxy = HttpProxy.reverseProxy(client)
                    .origin(new Upstream(name, upstream, config.idleTimeout()))
                    .addInterceptor(new UpstreamFailures(name))
                    .addInterceptor(new Forwarding(route.prefix(), route.upstreamPrefix().orElse(""), upstream));
            router.route(route.prefix()).handler(rc -> gate(rc, route, proxy));
            router.route(route.prefix() + "/*").handler(rc -> gate(rc, route, proxy));
            LOG.infof("route %s/* -> %s (%s)", route.prefix(), upstream, route.anonymous() ? "anonymous" : "token required");
        });
    }

    private void gate(RoutingContext rc, GatewayConfig.Route route, HttpProxy proxy) {
        // Validating the token may take a while (key fetch): hold the body until the proxy reads it.
        rc.request().pause();
        identity(rc, route).subscribe().with(
                caller -> {
                    RateLimiter.Decision decision = rateLimiter.take(caller);
                    if (!decision.allowed()) {
                        long seconds = Math.max(1, (decision.retryAfter().toMillis() + 999) / 1000);
                        rc.response().putHeader("Retry-After", Long.toString(seconds));
                        Problems.send(rc, ProblemKind.RATE_LIMITED, "rate limit reached; retry after " + seconds + " s");
                        return;
                    }
                    proxy.handle(rc.request());
                },
                failure -> Problems.send(rc, ProblemKind.UNAUTHENTICATED, failure.getMessage()));
    }

    /** The rate-limit key of the caller, or a failure when a token is required and missing or invalid. */
    private Uni<String> identity(RoutingContext rc, GatewayConfig.Route route) {
        if (route.anonymous()) {
            return Uni.createFrom().item("address:" + rc.request().remoteAddress().hostAddress());
        }
        if (rc.request().getHeader("Authorization") == null) {
            rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"vigie\"");
            return Uni.createFrom().failure(new IllegalArgumentException("a bearer token is required"));
        }
        return QuarkusHttpUser.getSecurityIdentity(rc, null)
                .onFailure().transform(e -> new IllegalArgumentException("the bearer token is invalid or expired"))
                .map(identity -> {
                    if (identity == null || identity.isAnonymous()) {
                        rc.response().putHeader("WWW-Authenticate", "Bearer realm=\"vigie\", error=\"invalid_token\"");
                        throw new IllegalArgumentException("the bearer token is invalid or expired");
                    }
                    return "subject:" + subject(identity);
                });
    }

    private static String subject(SecurityIdentity identity) {
        return identity.getPrincipal().getName();
    }

    static String requestId(RoutingContext rc) {
        return RequestIdFilter.of(rc);
    }
}
