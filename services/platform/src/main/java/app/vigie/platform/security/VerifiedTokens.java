package app.vigie.platform.security;

import io.quarkus.oidc.runtime.OidcAuthenticationMechanism;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Remembers the identity Quarkus OIDC built from a bearer token, so that the next request carrying the very same
 * token skips the signature check and the JSON parsing. An integration client sends thousands of requests with
 * one token; verifying it each time took about a quarter of intake's CPU per message and half its allocations.
 *
 * <p>What is kept: only identities OIDC verified (a token that failed is never remembered, so it fails again),
 * keyed by the exact token string, until the token's own expiry or {@code vigie.security.token-cache.ttl} (5 min),
 * whichever comes first; at most {@code vigie.security.token-cache.max-size} tokens (0 switches the cache off).
 * What it gives up: a signing key withdrawn from the realm is noticed for those tokens only when their entry
 * ends — as for any JWT, which stays valid until it expires whatever happens to the session.
 *
 * <p>How: an authentication mechanism placed before OIDC's, delegating to it on a miss. (An identity provider
 * placed before OIDC's was not consulted for bearer tokens.) The request's {@link RoutingContext}, which OIDC keeps
 * among the identity's attributes, is never kept: the current request's is put back on each use.
 */
@ApplicationScoped
public class VerifiedTokens implements HttpAuthenticationMechanism {

    /** Set on an identity that came from the cache (for diagnostics and tests). */
    public static final String REMEMBERED = "vigie.token-cache.remembered";

    /** {@code perRequest}: the attributes that held the request's {@link RoutingContext}, refilled on each use. */
    private record Entry(SecurityIdentity identity, Set<String> perRequest, Instant until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Inject
    OidcAuthenticationMechanism oidc;

    @ConfigProperty(name = "vigie.security.token-cache.max-size", defaultValue = "10000")
    int maxSize;
    @ConfigProperty(name = "vigie.security.token-cache.ttl", defaultValue = "PT5M")
    Duration ttl;

    Clock clock = Clock.systemUTC();

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        String token = bearerToken(context);
        if (token == null) {
            return Uni.createFrom().nullItem(); // nothing to remember: OIDC's own mechanism, asked next, decides
        }
        SecurityIdentity remembered = find(token, context);
        if (remembered != null) {
            return Uni.createFrom().item(remembered);
        }
        return oidc.authenticate(context, identityProviderManager).invoke(identity -> {
            if (identity != null && !identity.isAnonymous()) {
                remember(token, identity);
            }
        });
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return oidc.getChallenge(context);
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return oidc.getCredentialTypes();
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return oidc.getCredentialTransport(context);
    }

    @Override
    public int getPriority() {
        return oidc.getPriority() + 1; // asked before OIDC's own mechanism
    }

    /** The remembered identity for {@code token}, bound to {@code routingContext}; null when there is none. */
    SecurityIdentity find(String token, RoutingContext routingContext) {
        Entry entry = entries.get(token);
        if (entry == null) {
            return null;
        }
        if (!clock.instant().isBefore(entry.until())) {
            entries.remove(token, entry);
            return null;
        }
        QuarkusSecurityIdentity.Builder copy = QuarkusSecurityIdentity.builder(entry.identity());
        entry.perRequest().forEach(name -> copy.addAttribute(name, routingContext));
        return copy.addAttribute(REMEMBERED, true).build();
    }

    /** Keeps {@code identity}, which OIDC verified for {@code token}, until the token or the entry expires. */
    void remember(String token, SecurityIdentity identity) {
        if (maxSize <= 0 || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return;
        }
        Instant now = clock.instant();
        Instant until = now.plus(ttl);
        if (jwt.getExpirationTime() > 0) {
            Instant expires = Instant.ofEpochSecond(jwt.getExpirationTime());
            until = expires.isBefore(until) ? expires : until;
        }
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxSize) {
            entries.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (entries.size() >= maxSize) {
                return; // full of live tokens: verify newcomers each time rather than grow without bound
            }
        }
        QuarkusSecurityIdentity.Builder kept = QuarkusSecurityIdentity.builder(identity);
        Set<String> perRequest = new HashSet<>();
        identity.getAttributes().forEach((name, value) -> {
            if (value instanceof RoutingContext) {
                perRequest.add(name);
                kept.addAttribute(name, null); // never keep a finished request alive in the cache
            }
        });
        entries.put(token, new Entry(kept.build(), Set.copyOf(perRequest), until));
    }

    int size() {
        return entries.size();
    }

    private static String bearerToken(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header == null || header.length() <= 7 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = header.substring(7).strip();
        return token.isEmpty() ? null : token;
    }
}
