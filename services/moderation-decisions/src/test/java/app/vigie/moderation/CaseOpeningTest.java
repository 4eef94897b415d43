package app.vigie.moderation;

import static app.vigie.moderation.ModerationFlowTest.as;
import static app.vigie.moderation.ModerationFlowTest.awaitInQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import app.vigie.contracts.community.Category;
import app.vigie.moderation.support.Fixtures;
import app.vigie.platform.testing.Broker;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** How message.received becomes cases when things go wrong: paused by an operator, unreadable, database away. */
@QuarkusTest
class CaseOpeningTest {

    private static final String QUEUE = "moderation-decisions.message-events";
    private static final String DEAD_LETTERS = QUEUE + ".dlq";

    private final Broker broker = Fixtures.broker();

    @Inject
    AgroalDataSource db;

    @Test
    void pausedCaseOpeningKeepsMessagesUntilResumed() throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        as("staff.admin").body("{\"paused\":true}").put("/admin/case-opening").then().statusCode(200)
                .body("paused", equalTo(true));
        UUID caseId;
        try {
            caseId = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 30);
            await().atMost(Duration.ofSeconds(10)).until(() -> as("staff.admin").get("/admin/case-opening")
                    .<Integer>path("waiting") >= 1);
            Thread.sleep(500);
            assertThat(caseExists(caseId)).as("no case is opened while paused").isFalse();
        } finally {
            as("staff.admin").body("{\"paused\":false}").put("/admin/case-opening").then().statusCode(200)
                    .body("paused", equalTo(false));
        }
        awaitInQueue("moderator.horizon", community, caseId);
        as("staff.admin").get("/admin/case-opening").then().statusCode(200).body("waiting", equalTo(0));
    }

    /** Paused, then resumed: the first version and its edit are opened in the same batch, as one case. */
    @Test
    void aMessageAndItsEditInOneBatchMakeOneCaseWithTheEditsTriage() throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        UUID message = UUID.randomUUID();
        as("staff.admin").body("{\"paused\":true}").put("/admin/case-opening").then().statusCode(200);
        try {
            Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 10, null, Instant.now(), message, 1);
            Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 92, Category.THREAT, Instant.now(),
                    message, 2);
            await().atMost(Duration.ofSeconds(10)).until(() -> as("staff.admin").get("/admin/case-opening")
                    .<Integer>path("waiting") >= 2);
        } finally {
            as("staff.admin").body("{\"paused\":false}").put("/admin/case-opening").then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("moderator.horizon").get("/cases/" + message)
                .then().statusCode(200).body("queueRow.risk", equalTo(92))
                .body("queueRow.suggestedCategory", equalTo("THREAT"))
                .body("history.type", equalTo(List.of("CaseOpened", "CaseContentEdited")))
                .body("versions.version", equalTo(List.of(1, 2))));
    }

    @Test
    void onlyPlatformAdminsPauseCaseOpening() {
        as("moderator.horizon").body("{\"paused\":true}").put("/admin/case-opening").then().statusCode(403);
        as("client-admin.horizon").body("{\"paused\":true}").put("/admin/case-opening").then().statusCode(403);
        as("client-admin.horizon").get("/admin/case-opening").then().statusCode(403);
        as("staff.admin").body("{}").put("/admin/case-opening").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("body.paused"));
        as("staff.admin").get("/admin/case-opening").then().statusCode(200).body("paused", equalTo(false));
    }

    @Test
    void anUnreadableDeliveryIsDeadLetteredAndTheOthersAreOpened() throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        long deadLettersBefore = broker.depth(DEAD_LETTERS);
        UUID before = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 20);
        broker.publish("message.received", "{\"id\":\"not an envelope\"");
        UUID after = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 20);

        awaitInQueue("moderator.horizon", community, before);
        awaitInQueue("moderator.horizon", community, after);
        await().atMost(Duration.ofSeconds(10)).until(() -> broker.depth(DEAD_LETTERS) == deadLettersBefore + 1);
    }

    /**
     * The database refuses every connection for a while (its connections are cut and new ones refused): the
     * deliveries that arrive meanwhile are kept, not dead-lettered, and become cases once it answers again.
     */
    @Test
    void duringADatabaseOutageNothingIsDeadLetteredAndTheCasesOpenAfterwards() throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        long deadLettersBefore = broker.depth(DEAD_LETTERS);
        UUID first;
        UUID second;
        try (Connection admin = ownerConnection()) {
            try {
                refuseConnections(admin, true);
                first = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 40);
                second = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 60);
                // long enough for several attempts, each failing
                Thread.sleep(4_000);
                assertThat(broker.depth(DEAD_LETTERS)).as("dead letters during the outage").isEqualTo(deadLettersBefore);
            } finally {
                refuseConnections(admin, false);
            }
        }
        awaitInQueue("moderator.horizon", community, first);
        awaitInQueue("moderator.horizon", community, second);
        assertThat(broker.depth(DEAD_LETTERS)).isEqualTo(deadLettersBefore);
    }

    /** The service's own role owns its database: it may limit connections to it and end its own sessions. */
    private static void refuseConnections(Connection admin, boolean refuse) throws SQLException {
        try (var statement = admin.createStatement()) {
            statement.execute("alter database " + admin.getCatalog() + " connection limit " + (refuse ? "0" : "-1"));
            if (refuse) {
                statement.execute("""
                        select pg_terminate_backend(pid) from pg_stat_activity
                         where datname = current_database() and usename = current_user and pid <> pg_backend_pid()""");
            }
        }
    }

    private static Connection ownerConnection() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
    }

    private boolean caseExists(UUID caseId) throws SQLException {
        try (var connection = db.getConnection(); var select = connection.prepareStatement(
                "select 1 from domain_event_entry where aggregate_identifier = ?")) {
            select.setString(1, caseId.toString());
            return select.executeQuery().next();
        }
    }
}
