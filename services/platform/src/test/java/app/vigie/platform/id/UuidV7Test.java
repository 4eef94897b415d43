package app.vigie.platform.id;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class UuidV7Test {

    @Test
    void carriesVersion7TheRfcVariantAndTheMillisecondTimestamp() {
        Instant at = Instant.parse("2026-11-25T23:59:59.123Z");

        UUID id = UuidV7.generate(Clock.fixed(at, ZoneOffset.UTC));

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
    }

    @Test
    void idsOfLaterMillisecondsSortLater() {
        UUID earlier = UuidV7.generate(Clock.fixed(Instant.ofEpochMilli(1_000), ZoneOffset.UTC));
        UUID later = UuidV7.generate(Clock.fixed(Instant.ofEpochMilli(1_001), ZoneOffset.UTC));

        assertThat(earlier.toString()).isLessThan(later.toString());
        assertThat(UuidV7.generate()).isNotEqualTo(UuidV7.generate());
    }
}
