package app.vigie.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import app.vigie.contracts.scheduling.PostDue;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PostDueTest {

    private final SchemaCheck schema = new SchemaCheck("post-due.v1.json");

    @Test
    void aDuePostSatisfiesItsSchemaAndRoundTrips() throws Exception {
        PostDue due = new PostDue(UUID.randomUUID(), UUID.randomUUID(), "radio-horizon", "Ce soir en direct : le grand débat",
                List.of("https://cdn.radio-horizon.example/debat.jpg"), Instant.parse("2026-12-24T17:00:00Z"),
                "client-admin.horizon", Instant.parse("2026-12-20T09:12:00Z"), Instant.parse("2026-12-24T17:00:00.420Z"));
        String json = EventPayloads.mapper().writeValueAsString(due);

        assertThat(schema.violations(json)).isEmpty();
        assertThat(EventPayloads.mapper().readValue(json, PostDue.class)).isEqualTo(due);
        assertThat(schema.violations(json.replace("\"radio-horizon\"", "\"\""))).isNotEmpty();
        assertThat(schema.violations(json.replace("\"text\"", "\"words\""))).isNotEmpty();
    }
}
