package app.vigie.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import app.vigie.contracts.opinion.AlertRaised;
import app.vigie.contracts.scheduling.CoverageGap;
import app.vigie.contracts.scheduling.TaskOverdue;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SchedulingEventsTest {

    @Test
    void anOverdueTaskSatisfiesItsSchemaAndRoundTrips() throws Exception {
        SchemaCheck schema = new SchemaCheck("task-overdue.v1.json");
        TaskOverdue overdue = new TaskOverdue(UUID.randomUUID(), UUID.randomUUID(), "radio-horizon", "CASE",
                UUID.randomUUID().toString(), "fr", Instant.parse("2026-12-04T22:00:00Z"),
                Instant.parse("2026-12-05T00:00:00Z"), null, Instant.parse("2026-12-05T00:00:01Z"));
        String json = EventPayloads.mapper().writeValueAsString(overdue);
        assertThat(schema.violations(json)).isEmpty();
        assertThat(EventPayloads.mapper().readValue(json, TaskOverdue.class)).isEqualTo(overdue);
        assertThat(schema.violations(json.replace("\"CASE\"", "\"EMAIL\""))).isNotEmpty();
        assertThat(schema.violations(json.replace("\"fr\"", "\"french\""))).isNotEmpty();
    }

    @Test
    void aCoverageGapSatisfiesItsSchemaAndRoundTrips() throws Exception {
        SchemaCheck schema = new SchemaCheck("coverage-gap.v1.json");
        CoverageGap gap = new CoverageGap(UUID.randomUUID(), "maison-lumen", "en", Instant.parse("2026-12-06T22:00:00Z"),
                Instant.parse("2026-12-07T06:00:00Z"), 1, 0);
        String json = EventPayloads.mapper().writeValueAsString(gap);
        assertThat(schema.violations(json)).isEmpty();
        assertThat(EventPayloads.mapper().readValue(json, CoverageGap.class)).isEqualTo(gap);
        assertThat(schema.violations(json.replace("\"required\":1", "\"required\":0"))).isNotEmpty();
    }

    @Test
    void anAlertSatisfiesItsSchemaAndRoundTrips() throws Exception {
        SchemaCheck schema = new SchemaCheck("alert-raised.v1.json");
        AlertRaised alert = new AlertRaised(UUID.randomUUID(), UUID.randomUUID(), "radio-horizon", null, "CRISIS",
                "Negative mentions of the morning show: 14 an hour against 2 usually", "fr",
                Instant.parse("2026-12-05T19:40:00Z"));
        String json = EventPayloads.mapper().writeValueAsString(alert);
        assertThat(schema.violations(json)).isEmpty();
        assertThat(EventPayloads.mapper().readValue(json, AlertRaised.class)).isEqualTo(alert);
        assertThat(schema.violations(json.replace("\"CRISIS\"", "\"PANIC\""))).isNotEmpty();
    }
}
