package app.vigie.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** How long the verified-token cache keeps an identity, and how much it holds. */
class VerifiedTokensExpiryTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final VerifiedTokens tokens = new VerifiedTokens();

    VerifiedTokensExpiryTest() {
        tokens.maxSize = 2;
        tokens.ttl = Duration.ofMinutes(5);
        at(NOW);
    }

    @Test
    void anEntryEndsWhenTheTokenExpires() {
        tokens.remember("t1", identityExpiringAt(NOW.plusSeconds(60)));
        at(NOW.plusSeconds(59));
        assertThat(tokens.find("t1", null)).isNotNull();
        at(NOW.plusSeconds(60));
        assertThat(tokens.find("t1", null)).isNull();
    }

    @Test
    void anEntryEndsAfterTheTimeToLiveEvenIfTheTokenLivesLonger() {
        tokens.remember("t1", identityExpiringAt(NOW.plus(Duration.ofHours(10))));
        at(NOW.plus(Duration.ofMinutes(5)).minusSeconds(1));
        assertThat(tokens.find("t1", null)).isNotNull();
        at(NOW.plus(Duration.ofMinutes(5)));
        assertThat(tokens.find("t1", null)).isNull();
    }

    @Test
    void anExpiredTokenIsNeverRemembered() {
        tokens.remember("t1", identityExpiringAt(NOW.minusSeconds(1)));
        assertThat(tokens.find("t1", null)).isNull();
    }

    @Test
    void aFullCacheMakesRoomFromExpiredEntriesOnlyAndOtherwiseStopsGrowing() {
        tokens.remember("short", identityExpiringAt(NOW.plusSeconds(10)));
        tokens.remember("long", identityExpiringAt(NOW.plusSeconds(200)));
        tokens.remember("refused", identityExpiringAt(NOW.plusSeconds(200)));
        assertThat(tokens.find("refused", null)).isNull();
        at(NOW.plusSeconds(11));
        tokens.remember("newcomer", identityExpiringAt(NOW.plusSeconds(200)));
        assertThat(tokens.find("newcomer", null)).isNotNull();
        assertThat(tokens.find("long", null)).isNotNull();
        assertThat(tokens.size()).isEqualTo(2);
    }

    @Test
    void aRememberedIdentityKeepsItsPrincipalAndRoles() {
        tokens.remember("t1", identityExpiringAt(NOW.plusSeconds(60)));
        var found = tokens.find("t1", null);
        assertThat(found.getPrincipal().getName()).isEqualTo("moderator.horizon");
        assertThat(found.getRoles()).containsExactly("moderator");
    }

    @Test
    void switchedOffItRemembersNothing() {
        tokens.maxSize = 0;
        tokens.remember("t1", identityExpiringAt(NOW.plusSeconds(60)));
        assertThat(tokens.find("t1", null)).isNull();
    }

    private void at(Instant instant) {
        tokens.clock = Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static QuarkusSecurityIdentity identityExpiringAt(Instant expiry) {
        JwtClaims claims = new JwtClaims();
        claims.setSubject("s-1");
        claims.setClaim("preferred_username", "moderator.horizon");
        claims.setExpirationTime(NumericDate.fromSeconds(expiry.getEpochSecond()));
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal("moderator.horizon", claims))
                .addRole("moderator").build();
    }
}
