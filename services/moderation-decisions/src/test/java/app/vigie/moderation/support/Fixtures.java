package app.vigie.moderation.support;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.EventTypes;
import app.vigie.contracts.community.Category;
import app.vigie.contracts.community.ModerationMode;
import app.vigie.contracts.community.Platform;
import app.vigie.contracts.message.MessageReceived;
import app.vigie.platform.testing.Broker;
import app.vigie.platform.testing.Keycloak;
import io.agroal.api.AgroalDataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Communities, staff and messages for the moderation tests. */
public final class Fixtures {

    private Fixtures() {
    }

    private static Broker broker;

    /** One connection to the test vhost for the whole test run (closed with the JVM). */
    public static synchronized Broker broker() {
        if (broker == null) {
            broker = Broker.connect();
        }
        return broker;
    }

    public static String subjectOf(String user) {
        return Keycloak.claims(Keycloak.tokenFor(user)).get("sub").asText();
    }

    /**
     * A community of {@code tenant} in French and English, with these people assigned (reading French only): as
     * senior moderators those whose user name starts with "senior-", as moderators the others.
     */
    public static UUID community(AgroalDataSource db, String tenant, String... moderators) throws SQLException {
        return community(db, tenant, null, moderators);
    }

    /** The same, the moderators coming through {@code team} (null: assigned directly). */
    public static UUID community(AgroalDataSource db, String tenant, UUID team, String... moderators) throws SQLException {
        UUID id = UUID.randomUUID();
        StringBuilder staff = new StringBuilder("[");
        for (String user : moderators) {
            staff.append(staff.length() > 1 ? "," : "").append("{\"subject\":\"").append(subjectOf(user))
                    .append("\",\"role\":\"").append(user.startsWith("senior-") ? "SENIOR_MODERATOR" : "MODERATOR")
                    .append("\",\"languages\":[\"fr\"],\"team\":")
                    .append(team == null ? "null" : "\"" + team + "\"").append('}');
        }
        staff.append(']');
        try (var connection = db.getConnection(); var insert = connection.prepareStatement("""
                insert into community_copy (id, tenant, languages, decision_sla_minutes, status, policy_version, staff,
                                            revision, copied_at)
                values (?, ?, 'fr,en', 30, 'ACTIVE', 2, ?, 1, now())""")) {
            insert.setObject(1, id);
            insert.setString(2, tenant);
            insert.setString(3, staff.toString());
            insert.executeUpdate();
        }
        return id;
    }

    /** Publishes a {@code message.received} as intake would, and returns the message id (= the case id). */
    public static UUID messageReceived(Broker broker, UUID community, String tenant, String language, int risk)
            throws java.io.IOException {
        return messageReceived(broker, community, tenant, language, risk, risk > 50 ? Category.INSULT : null);
    }

    /** The same, with the category triage suggests. */
    public static UUID messageReceived(Broker broker, UUID community, String tenant, String language, int risk,
                                       Category suggested) throws java.io.IOException {
        return messageReceived(broker, community, tenant, language, risk, suggested, Instant.now(), UUID.randomUUID(), 1);
    }

    /** The same, received by intake at {@code receivedAt}, as version {@code version} of message {@code messageId}. */
    public static UUID messageReceived(Broker broker, UUID community, String tenant, String language, int risk,
                                       Category suggested, Instant receivedAt, UUID messageId, int version)
            throws java.io.IOException {
        MessageReceived payload = new MessageReceived(messageId, version, community, tenant, Platform.FACEBOOK_PAGE,
                ModerationMode.A_POSTERIORI, 2, "ext-" + messageId, null, null,
                new MessageReceived.Author("author-1", "Auteur"), "Texte du message", List.of(), null, null,
                receivedAt, new MessageReceived.Triage(language, risk, suggested,
                List.of(new MessageReceived.Rule("insult.aimed", Category.INSULT, 40, 0, 5, "Texte")), "fp"),
                false);
        publish(broker, messageId, tenant, payload);
        return messageId;
    }

    public static void publish(Broker broker, UUID eventIdSeed, String tenant, MessageReceived payload)
            throws java.io.IOException {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), EventTypes.MESSAGE_RECEIVED, MessageReceived.VERSION,
                Instant.now(), tenant, "test-" + eventIdSeed, EventPayloads.toTree(payload));
        broker.publish(EventTypes.MESSAGE_RECEIVED,
                new String(EventPayloads.serialize(envelope), java.nio.charset.StandardCharsets.UTF_8));
    }
}
