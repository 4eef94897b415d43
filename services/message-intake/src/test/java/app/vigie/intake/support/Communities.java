package app.vigie.intake.support;

import static org.awaitility.Awaitility.await;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.community.Category;
import app.vigie.contracts.community.CommunitySnapshot;
import app.vigie.contracts.community.ModerationMode;
import app.vigie.contracts.community.Platform;
import app.vigie.contracts.community.StaffRole;
import app.vigie.platform.testing.Broker;
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
 * Communities as intake learns them: by a {@code community.registered} snapshot published on RabbitMQ, exactly
 * as the registry publishes it, then waited for in intake's copy.
 */
public final class Communities {

    private Communities() {
    }

    public static CommunitySnapshot snapshot(UUID id, long revision, String tenant, ModerationMode mode, List<String> staff) {
        return snapshot(id, revision, tenant, mode, staff, "http://127.0.0.1:9/none");
    }

    public static CommunitySnapshot snapshot(UUID id, long revision, String tenant, ModerationMode mode, List<String> staff,
                                             String callbackUrl) {
        return new CommunitySnapshot(id, revision, tenant, tenant + " SA", "Test community", Platform.FACEBOOK_PAGE,
                "page-" + id, List.of("fr", "en"), "Europe/Paris", mode, 30, 120,
                new CommunitySnapshot.Coverage("ALWAYS", null), callbackUrl, "test-secret", "verify-ref",
                "ACTIVE",
                new CommunitySnapshot.Policy(1, EnumSet.allOf(Category.class), Map.of("fr", List.of("arnaque")),
                        Map.of(), 0.5, EnumSet.of(Category.THREAT), null, null, null),
                staff.stream().map(s -> new CommunitySnapshot.AssignedStaff(s, s, StaffRole.MODERATOR, List.of("fr"), null))
                        .toList(),
                Instant.now());
    }

    public static void publish(String type, CommunitySnapshot snapshot) throws Exception {
        EventEnvelope event = new EventEnvelope(UUID.randomUUID(), type, 1, Instant.now(), snapshot.tenant(), "test",
                EventPayloads.toTree(snapshot));
        try (Broker broker = Broker.connect()) {
            broker.publish(type, new String(EventPayloads.serialize(event), StandardCharsets.UTF_8));
        }
    }

    /** Publishes a new community and waits until intake has copied it; returns its id. */
    public static UUID registered(AgroalDataSource db, String tenant, ModerationMode mode, String... staff) throws Exception {
        UUID id = UUID.randomUUID();
        publish("community.registered", snapshot(id, 0, tenant, mode, List.of(staff)));
        await().atMost(Duration.ofSeconds(15)).until(() -> revision(db, id) >= 0);
        return id;
    }

    /** A new community whose enforcement callbacks go to {@code callbackUrl}. */
    public static UUID registeredWithCallback(AgroalDataSource db, String tenant, String callbackUrl) throws Exception {
        UUID id = UUID.randomUUID();
        publish("community.registered", snapshot(id, 0, tenant, ModerationMode.A_POSTERIORI, List.of(), callbackUrl));
        await().atMost(Duration.ofSeconds(15)).until(() -> revision(db, id) >= 0);
        return id;
    }

    /** The copy's revision, or -1 when intake has no copy. */
    public static long revision(AgroalDataSource db, UUID id) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement s = c.prepareStatement("select revision from community_copy where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : -1;
            }
        }
    }

    public static String message(UUID community, String externalId, String text) {
        return """
                {"communityId":"%s","externalId":"%s","threadId":"post-1","author":{"id":"fb-42","name":"Jean D."},
                 "text":%s,"permalink":"https://facebook.example/p/%s","postedAt":"2026-11-25T22:00:00+01:00"}"""
                .formatted(community, externalId, EventPayloads.toTree(text).toString(), externalId);
    }
}
