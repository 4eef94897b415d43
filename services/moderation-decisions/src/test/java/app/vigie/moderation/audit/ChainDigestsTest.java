package app.vigie.moderation.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.EventTypes;
import app.vigie.contracts.audit.ChainDigest;
import app.vigie.moderation.support.Fixtures;
import app.vigie.moderation.support.Superuser;
import app.vigie.platform.testing.Broker;
import app.vigie.platform.testing.Keycloak;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Daily digests of the chain: published once, and what exposes a history rewritten with its links. */
@QuarkusTest
class ChainDigestsTest {

    private final Broker broker = Fixtures.broker();

    @Inject
    AgroalDataSource db;
    @Inject
    ChainDigests digests;
    @Inject
    HashChain chain;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Keycloak.tokenFor(user)).contentType(ContentType.JSON);
    }

    @Test
    void aDigestIsPublishedOnceAndARewrittenHistoryFailsAgainstIt() throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        Instant from = Instant.now();
        UUID caseId = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 40);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("auditor.horizon")
                .get("/audit/cases/" + caseId + "/history").then().statusCode(200).body("chainSeq[0]", org.hamcrest.Matchers.notNullValue()));
        chain.pass();

        Broker.Listener published = broker.listen(EventTypes.CHAIN_DIGEST);
        LocalDate today = LocalDate.ofInstant(Instant.now(), ZoneOffset.UTC);
        ChainDigests.Digest digest = digests.publish(today).orElseThrow();
        assertThat(digests.publish(today)).as("a day is digested once").isEmpty();

        EventEnvelope envelope = EventPayloads.deserialize(published.next(Duration.ofSeconds(20)).body()
                .getBytes(StandardCharsets.UTF_8));
        ChainDigest event = EventPayloads.read(envelope, ChainDigest.class);
        assertThat(event.day()).isEqualTo(today);
        assertThat(event.chainSeq()).isEqualTo(digest.chainSeq());
        assertThat(event.hash()).isEqualTo(digest.hash());
        as("auditor.lumen").get("/audit/digests").then().statusCode(200).body("day", hasItem(today.toString()));

        String check = "/audit/digests/check";
        as("auditor.horizon").queryParam("chainSeq", digest.chainSeq()).queryParam("hash", digest.hash()).get(check)
                .then().statusCode(200).body("ok", equalTo(true));
        as("auditor.horizon").queryParam("chainSeq", digest.chainSeq()).queryParam("hash", "0".repeat(64)).get(check)
                .then().statusCode(200).body("ok", equalTo(false));
        as("auditor.horizon").queryParam("hash", digest.hash()).get(check).then().statusCode(400)
                .body("errors[0].field", equalTo("query.chainSeq"));
        as("auditor.horizon").queryParam("chainSeq", 1).queryParam("hash", "abc").get(check).then().statusCode(400)
                .body("errors[0].field", equalTo("query.hash"));

        // Someone with the database alters the last digested event and recomputes every link from it: the chain
        // checks out link by link, but not against the digest that left the database.
        List<String[]> originals = new ArrayList<>();
        String rewrite = rewriteFrom(digest.chainSeq(), originals);
        Superuser.sql(rewrite);
        try {
            as("staff.auditor").queryParam("from", from.toString()).get("/audit/verify").then().statusCode(200)
                    .body("ok", equalTo(true));
            as("auditor.horizon").queryParam("chainSeq", digest.chainSeq()).queryParam("hash", digest.hash()).get(check)
                    .then().statusCode(200).body("ok", equalTo(false))
                    .body("found", org.hamcrest.Matchers.not(equalTo(digest.hash())));
        } finally {
            Superuser.sql(restore(originals));
        }
        as("auditor.horizon").queryParam("chainSeq", digest.chainSeq()).queryParam("hash", digest.hash()).get(check)
                .then().body("ok", equalTo(true));

        // an event altered without its links: the check says where the chain breaks; whose case it is, only to
        // platform auditors (the digest covers every tenant's events)
        String digested = "(select global_index from event_chain where chain_seq = " + digest.chainSeq() + ")";
        Superuser.sql("set session_replication_role = replica; update domain_event_entry set payload = payload || "
                + "convert_to(' ', 'UTF8') where global_index = " + digested);
        try {
            as("staff.auditor").queryParam("chainSeq", digest.chainSeq()).queryParam("hash", digest.hash()).get(check)
                    .then().body("ok", equalTo(false)).body("chain.broken.chainSeq", equalTo((int) digest.chainSeq()))
                    .body("chain.broken.aggregateIdentifier", org.hamcrest.Matchers.notNullValue());
            as("auditor.lumen").queryParam("chainSeq", digest.chainSeq()).queryParam("hash", digest.hash()).get(check)
                    .then().body("ok", equalTo(false)).body("chain.broken.chainSeq", equalTo((int) digest.chainSeq()))
                    .body("chain.broken.aggregateIdentifier", org.hamcrest.Matchers.nullValue())
                    .body("chain.broken.eventIdentifier", org.hamcrest.Matchers.nullValue());
        } finally {
            Superuser.sql("set session_replication_role = replica; update domain_event_entry set payload = "
                    + "substring(payload from 1 for length(payload) - 1) where global_index = " + digested);
        }
        as("moderator.horizon").get("/audit/digests").then().statusCode(403);
    }

    /**
     * SQL that changes the payload of the event of link {@code seq} and rewrites that link and every later one so
     * that each still follows from the one before; the chainer is kept out (its advisory lock) while it runs.
     */
    private String rewriteFrom(long seq, List<String[]> originals) throws Exception {
        StringBuilder sql = new StringBuilder("select pg_advisory_xact_lock(hashtext('vigie.event-chain'));"
                + " set local session_replication_role = replica;");
        try (Connection c = db.getConnection()) {
            byte[] previous;
            try (var p = c.prepareStatement("select hash from event_chain where chain_seq = ?")) {
                p.setLong(1, seq - 1);
                var r = p.executeQuery();
                previous = r.next() ? r.getBytes(1) : StoredEvent.GENESIS;
            }
            try (var links = c.prepareStatement("select c.chain_seq, c.hash, " + EventRows.COLUMNS
                    + " from event_chain c join domain_event_entry e on e.global_index = c.global_index"
                    + " where c.chain_seq >= ? order by c.chain_seq")) {
                links.setLong(1, seq);
                var r = links.executeQuery();
                boolean first = true;
                long last = seq;
                while (r.next()) {
                    long linkSeq = r.getLong(1);
                    StoredEvent e = EventRows.read(r, 3);
                    originals.add(new String[] {String.valueOf(linkSeq), HexFormat.of().formatHex(r.getBytes(2)),
                            String.valueOf(e.globalIndex()), HexFormat.of().formatHex(e.payload())});
                    if (first) {
                        String altered = new String(e.payload(), StandardCharsets.UTF_8)
                                .replaceFirst("}\\s*$", " }"); // still the same JSON, other bytes
                        e = new StoredEvent(e.globalIndex(), e.eventIdentifier(), e.aggregateIdentifier(),
                                e.sequenceNumber(), e.type(), e.timeStamp(), e.payloadType(), e.payloadRevision(),
                                altered.getBytes(StandardCharsets.UTF_8), e.metaData());
                        sql.append(" update domain_event_entry set payload = decode('")
                                .append(HexFormat.of().formatHex(e.payload())).append("', 'hex') where global_index = ")
                                .append(e.globalIndex()).append(';');
                        first = false;
                    }
                    previous = e.link(previous, HashChain.tenantOf(e.payload()));
                    sql.append(" update event_chain set hash = decode('").append(HexFormat.of().formatHex(previous))
                            .append("', 'hex') where chain_seq = ").append(linkSeq).append(';');
                    last = linkSeq;
                }
                // refuse to run if the chainer appended a link since these were read
                sql.append(" do $$ begin if (select max(chain_seq) from event_chain) <> ").append(last)
                        .append(" then raise exception 'the chain moved'; end if; end $$;");
            }
        }
        return sql.toString();
    }

    private static String restore(List<String[]> originals) {
        StringBuilder sql = new StringBuilder("select pg_advisory_xact_lock(hashtext('vigie.event-chain'));"
                + " set local session_replication_role = replica;");
        for (String[] o : originals) {
            sql.append(" update event_chain set hash = decode('").append(o[1]).append("', 'hex') where chain_seq = ")
                    .append(o[0]).append(';');
            sql.append(" update domain_event_entry set payload = decode('").append(o[3])
                    .append("', 'hex') where global_index = ").append(o[2]).append(';');
        }
        return sql.toString();
    }
}
