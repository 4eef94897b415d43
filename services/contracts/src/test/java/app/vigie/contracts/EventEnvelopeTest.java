package app.vigie.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    private final SchemaCheck schema = new SchemaCheck("event-envelope.v1.json");

    record SamplePayload(UUID communityId, String name, Instant since) {
    }

    private EventEnvelope sample() {
        var payload = new SamplePayload(UUID.fromString("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"), "Radio Horizon — Facebook",
                Instant.parse("2026-11-20T08:15:30.123Z"));
        return new EventEnvelope(UUID.fromString("0193a1b2-0000-7000-8000-000000000001"), "community.registered", 1,
                Instant.parse("2026-11-25T22:00:00Z"), "radio-horizon", "req-42", EventPayloads.toTree(payload));
    }

    @Test
    void serialisesWithTheDocumentedFieldNamesAndIsoInstants() throws Exception {
        String json = new String(EventPayloads.serialize(sample()), StandardCharsets.UTF_8);
        JsonNode tree = EventPayloads.mapper().readTree(json);

        assertThat(tree.fieldNames()).toIterable()
                .containsExactly("id", "type", "version", "occurredAt", "tenant", "correlationId", "payload");
        assertThat(tree.get("occurredAt").asText()).isEqualTo("2026-11-25T22:00:00Z");
        assertThat(tree.get("payload").get("since").asText()).isEqualTo("2026-11-20T08:15:30.123Z");
        assertThat(tree.get("version").isInt()).isTrue();
    }

    @Test
    void serialisedEnvelopeSatisfiesItsJsonSchema() {
        String json = new String(EventPayloads.serialize(sample()), StandardCharsets.UTF_8);

        assertThat(schema.violations(json)).isEmpty();
    }

    @Test
    void roundTripKeepsEveryFieldAndTheTypedPayload() {
        EventEnvelope original = sample();

        EventEnvelope read = EventPayloads.deserialize(EventPayloads.serialize(original));

        assertThat(read).isEqualTo(original);
        assertThat(EventPayloads.read(read, SamplePayload.class).name()).isEqualTo("Radio Horizon — Facebook");
    }

    @Test
    void platformLevelEventHasNullTenantAndStillSatisfiesTheSchema() {
        EventEnvelope e = sample();
        var platformEvent = new EventEnvelope(e.id(), e.type(), e.version(), e.occurredAt(), null, null, e.payload());

        String json = new String(EventPayloads.serialize(platformEvent), StandardCharsets.UTF_8);

        assertThat(schema.violations(json)).isEmpty();
        assertThat(EventPayloads.deserialize(json.getBytes(StandardCharsets.UTF_8)).tenant()).isNull();
    }

    @Test
    void readerToleratesFieldsAddedByANewerPublisher() throws Exception {
        ObjectNode tree = (ObjectNode) EventPayloads.mapper().readTree(EventPayloads.serialize(sample()));
        tree.put("addedLater", "ignored");
        ((ObjectNode) tree.get("payload")).put("alsoNew", 3);

        EventEnvelope read = EventPayloads.deserialize(EventPayloads.mapper().writeValueAsBytes(tree));

        assertThat(EventPayloads.read(read, SamplePayload.class).communityId())
                .isEqualTo(UUID.fromString("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"));
    }

    @Test
    void schemaRejectsEnvelopesMissingRequiredFieldsOrWithBadValues() {
        String missingPayload = """
                {"id":"0193a1b2-0000-7000-8000-000000000001","type":"community.registered","version":1,
                 "occurredAt":"2026-11-25T22:00:00Z"}""";
        String badType = """
                {"id":"0193a1b2-0000-7000-8000-000000000001","type":"Community Registered","version":1,
                 "occurredAt":"2026-11-25T22:00:00Z","payload":{}}""";
        String versionZero = """
                {"id":"0193a1b2-0000-7000-8000-000000000001","type":"community.registered","version":0,
                 "occurredAt":"2026-11-25T22:00:00Z","payload":{}}""";
        String localTime = """
                {"id":"0193a1b2-0000-7000-8000-000000000001","type":"community.registered","version":1,
                 "occurredAt":"2026-11-25T22:00:00","payload":{}}""";

        for (String json : new String[] {missingPayload, badType, versionZero, localTime}) {
            assertThat(schema.violations(json)).as(json).isNotEmpty();
        }
    }

    @Test
    void constructorRefusesWhatTheSchemaRefuses() {
        EventEnvelope e = sample();
        assertThatThrownBy(() -> new EventEnvelope(e.id(), "CommunityRegistered", 1, e.occurredAt(), null, null, e.payload()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventEnvelope(e.id(), e.type(), 0, e.occurredAt(), null, null, e.payload()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EventEnvelope(e.id(), e.type(), 1, e.occurredAt(), null, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void typePatternInCodeMatchesTheSchema() throws Exception {
        JsonNode schemaTree = EventPayloads.mapper().readTree(getClass().getResourceAsStream("/schemas/event-envelope.v1.json"));

        assertThat(schemaTree.at("/properties/type/pattern").asText()).isEqualTo(EventEnvelope.TYPE_PATTERN);
    }
}
