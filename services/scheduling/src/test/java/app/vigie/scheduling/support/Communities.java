package app.vigie.scheduling.support;

import static org.awaitility.Awaitility.await;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.community.Category;
import app.vigie.contracts.community.CommunitySnapshot;
import app.vigie.contracts.community.ModerationMode;
import app.vigie.contracts.community.Platform;
import app.vigie.contracts.community.StaffRole;
import app.vigie.platform.testing.Broker;
import app.vigie.platform.testing.Keycloak;
import io.agroal.api.AgroalDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Communities as scheduling learns them: a {@code community.registered} snapshot published on RabbitMQ, as the
 * registry publishes it, then waited for in scheduling's copy.
 */
public final class Communities {

    private Communities() {
    }

    /** The Keycloak subject of a demo user. */
    public static String subject(String username) {
        return Keycloak.claims(Keycloak.tokenFor(username)).get("sub").asText();
    }

    public static CommunitySnapshot snapshot(UUID id, long revision, String tenant, String timeZone,
                                             List<CommunitySnapshot.AssignedStaff> staff) {
        return snapshot(id, revision, tenant, timeZone, staff, "http://127.0.0.1:9/none");
    }

    public static CommunitySnapshot snapshot(UUID id, long revision, String tenant, String timeZone,
                                             List<CommunitySnapshot.AssignedStaff> staff, String publishingUrl) {
        return new CommunitySnapshot(id, revision, tenant, tenant + " SA", "Test community " + id.toString().substring(0, 8),
                Platform.FACEBOOK_PAGE, "page-" + id, List.of("fr", "en"), timeZone, ModerationMode.A_POSTERIORI, 30,
                120, new CommunitySnapshot.Coverage("ALWAYS", null), publishingUrl, "test-secret",
                "verify-ref", "ACTIVE",
                new CommunitySnapshot.Policy(1, EnumSet.allOf(Category.class), Map.of(), Map.of(), 0.5,
                        EnumSet.of(Category.THREAT), null, null, null),
                staff, Instant.now());
    }

    public static CommunitySnapshot.AssignedStaff manager(String username, String... languages) {
        return new CommunitySnapshot.AssignedStaff(subject(username), username, StaffRole.COMMUNITY_MANAGER,
                List.of(languages), null);
    }

    public static void publish(String type, CommunitySnapshot snapshot) throws Exception {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(), snapshot.tenant(), "test",
                EventPayloads.toTree(snapshot));
        try (Broker broker = Broker.connect()) {
            broker.publish(type, new String(EventPayloads.serialize(event), StandardCharsets.UTF_8));
        }
    }

    /** Publishes a new community and waits until scheduling has copied it; returns its id. */
    public static UUID registered(AgroalDataSource db, String tenant, String timeZone,
                                  CommunitySnapshot.AssignedStaff... staff) throws Exception {
        UUID id = UUID.randomUUID();
        publish("community.registered", snapshot(id, 0, tenant, timeZone, List.of(staff)));
        await().atMost(Duration.ofSeconds(15)).until(() -> revision(db, id) >= 0);
        return id;
    }

    /** A community whose client publishes through {@code publishingUrl}. */
    public static UUID publishingTo(AgroalDataSource db, String tenant, String publishingUrl,
                                    CommunitySnapshot.AssignedStaff... staff) throws Exception {
        UUID id = UUID.randomUUID();
        publish("community.registered", snapshot(id, 0, tenant, "Europe/Paris", List.of(staff), publishingUrl));
        await().atMost(Duration.ofSeconds(15)).until(() -> revision(db, id) >= 0);
        return id;
    }

    /** The copy's revision, or -1 when scheduling has no copy. */
    public static long revision(AgroalDataSource db, UUID id) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select revision from community_copy where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }
}
