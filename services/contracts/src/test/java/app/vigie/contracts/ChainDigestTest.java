package app.vigie.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import app.vigie.contracts.audit.ChainDigest;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ChainDigestTest {

    private final SchemaCheck schema = new SchemaCheck("chain-digest.v1.json");

    @Test
    void aDigestSatisfiesItsSchemaAndRoundTrips() throws Exception {
        ChainDigest digest = new ChainDigest(LocalDate.parse("2026-11-30"), 4_183_760,
                "9f2c0a1b7d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c", Instant.parse("2026-12-01T00:00:00Z"));
        String json = EventPayloads.mapper().writeValueAsString(digest);

        assertThat(schema.violations(json)).isEmpty();
        assertThat(EventPayloads.mapper().readValue(json, ChainDigest.class)).isEqualTo(digest);
        assertThat(schema.violations(json.replace("9f2c", "XYZ!"))).isNotEmpty();
    }
}
