package app.vigie.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.EventTypes;
import app.vigie.contracts.community.Category;
import app.vigie.contracts.community.CommunitySnapshot;
import app.vigie.contracts.community.ModerationMode;
import app.vigie.contracts.community.Platform;
import app.vigie.contracts.community.StaffRole;
import app.vigie.moderation.support.Fixtures;
import app.vigie.platform.testing.Broker;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CommunityCopiesTest {

    private final Broker broker = Fixtures.broker();

    @Inject
    AgroalDataSource db;

    private void publish(UUID community, long revision, int slaMinutes) throws Exception {
        publish(community, revision, slaMinutes, List.of(new CommunitySnapshot.AssignedStaff(
                Fixtures.subjectOf("moderator.horizon"), "Modérateur", StaffRole.MODERATOR, List.of("fr"), null)));
    }

    private void publish(UUID community, long revision, int slaMinutes, List<CommunitySnapshot.AssignedStaff> staff)
            throws Exception {
        CommunitySnapshot snapshot = new CommunitySnapshot(community, revision, "radio-horizon", "Radio Horizon SAS",
                "Page", Platform.FACEBOOK_PAGE, "page-" + community, List.of("fr"), "Europe/Paris",
                ModerationMode.A_POSTERIORI, slaMinutes, 120, new CommunitySnapshot.Coverage("ALWAYS", null), null,
                null, null, "ACTIVE",
                new CommunitySnapshot.Policy(1, EnumSet.of(Category.INSULT), Map.of(), Map.of(), 0.9,
                        EnumSet.noneOf(Category.class), null, null, null),
                staff, Instant.now());
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), EventTypes.COMMUNITY_UPDATED, CommunitySnapshot.VERSION,
                Instant.now(), "radio-horizon", "test", EventPayloads.toTree(snapshot));
        broker.publish(EventTypes.COMMUNITY_UPDATED, new String(EventPayloads.serialize(envelope), StandardCharsets.UTF_8));
    }

    private int[] copy(UUID community) throws Exception {
        try (var connection = db.getConnection();
             var select = connection.prepareStatement(
                     "select revision, decision_sla_minutes from community_copy where id = ?")) {
            select.setObject(1, community);
            var rows = select.executeQuery();
            return rows.next() ? new int[] {rows.getInt(1), rows.getInt(2)} : null;
        }
    }

    @Test
    void aRedeliveredOrOlderSnapshotChangesNothing() throws Exception {
        UUID community = UUID.randomUUID();
        long deadLettersBefore = broker.depth("moderation-decisions.community-events.dlq");
        publish(community, 3, 45);
        await().atMost(Duration.ofSeconds(20)).until(() -> copy(community) != null);
        publish(community, 3, 45);  // redelivered
        publish(community, 2, 999); // older, arriving late
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> broker.depth("moderation-decisions.community-events") == 0);
        assertThat(copy(community)).containsExactly(3, 45);
        publish(community, 4, 20);
        await().atMost(Duration.ofSeconds(20)).until(() -> copy(community)[0] == 4);
        assertThat(copy(community)).containsExactly(4, 20);
        assertThat(broker.depth("moderation-decisions.community-events.dlq")).isEqualTo(deadLettersBefore);
    }

    @Test
    void aModeratorTakenOffACommunityLosesItsCasesAtOnce() throws Exception {
        UUID community = UUID.randomUUID();
        publish(community, 1, 60);
        await().atMost(Duration.ofSeconds(20)).until(() -> copy(community) != null);
        UUID caseId = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 30);
        ModerationFlowTest.awaitInQueue("moderator.horizon", community, caseId);
        ModerationFlowTest.as("moderator.horizon").get("/cases/" + caseId).then().statusCode(200);

        publish(community, 2, 60, List.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> copy(community)[0] == 2);
        ModerationFlowTest.as("moderator.horizon").get("/cases/" + caseId).then().statusCode(404);
        ModerationFlowTest.as("moderator.horizon").post("/cases/" + caseId + "/claim").then().statusCode(404);
    }
}
