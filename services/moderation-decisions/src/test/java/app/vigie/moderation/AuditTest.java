package app.vigie.moderation;

import static app.vigie.moderation.ModerationFlowTest.as;
import static app.vigie.moderation.ModerationFlowTest.awaitInQueue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import app.vigie.moderation.support.Fixtures;
import app.vigie.moderation.support.Superuser;
import app.vigie.platform.testing.Broker;
import io.agroal.api.AgroalDataSource;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Auditors replay decisions: history, the case at any instant, the decision log, and the hash chain. */
@QuarkusTest
class AuditTest {

    private final Broker broker = Fixtures.broker();

    @Inject
    AgroalDataSource db;

    /** A case of radio-horizon opened, claimed and rejected by moderator.horizon, with the instants in between. */
    private record Decided(UUID community, UUID caseId, Instant beforeOpening, Instant opened, Instant claimed,
                           Instant rejected) {
    }

    private Decided rejectedCase() throws Exception {
        UUID community = Fixtures.community(db, "radio-horizon", "moderator.horizon");
        Instant beforeOpening = Instant.now();
        Thread.sleep(5);
        UUID caseId = Fixtures.messageReceived(broker, community, "radio-horizon", "fr", 70);
        awaitInQueue("moderator.horizon", community, caseId);
        Instant opened = Instant.now();
        as("moderator.horizon").post("/cases/" + caseId + "/claim").then().statusCode(200);
        Thread.sleep(5);
        Instant claimed = Instant.now();
        as("moderator.horizon").body("""
                {"category":"INSULT","ground":"INCOMPATIBLE_WITH_TERMS","reference":"Charte, article 2",
                 "explanation":"Insulte envers un autre membre","action":"REMOVED"}""")
                .post("/cases/" + caseId + "/reject").then().statusCode(204);
        Thread.sleep(5);
        return new Decided(community, caseId, beforeOpening, opened, claimed, Instant.now());
    }

    @Test
    void theHistorySaysWhoDidWhatInWhichRole() throws Exception {
        Decided c = rejectedCase();
        String moderator = Fixtures.subjectOf("moderator.horizon");

        JsonPath history = as("auditor.horizon").get("/audit/cases/" + c.caseId() + "/history").then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("type")).containsExactly("CaseOpened", "CaseClaimed", "CaseRejected");
        assertThat(history.getList("sequence", Integer.class)).containsExactly(0, 1, 2);
        assertThat(history.getList("actor")).containsExactly("vigie:case-opening", moderator, moderator);
        assertThat(history.getList("role")).containsExactly("system", "moderator", "moderator");
        assertThat(history.getString("[2].payload.category")).isEqualTo("INSULT");
        assertThat(history.getString("[2].payload.reference")).isEqualTo("Charte, article 2");

        as("staff.auditor").get("/audit/cases/" + c.caseId() + "/history").then().statusCode(200);
        as("auditor.lumen").get("/audit/cases/" + c.caseId() + "/history").then().statusCode(404);
        as("moderator.horizon").get("/audit/cases/" + c.caseId() + "/history").then().statusCode(403);
        as("auditor.horizon").get("/audit/cases/" + UUID.randomUUID() + "/history").then().statusCode(404);
        as("auditor.horizon").get("/audit/cases/not-a-case/history").then().statusCode(400)
                .body("errors[0].field", equalTo("path.id"));
    }

    @Test
    void theCaseAsOfAnInstantIsRebuiltFromItsEvents() throws Exception {
        Decided c = rejectedCase();
        String path = "/audit/cases/" + c.caseId();

        as("auditor.horizon").queryParam("asOf", c.beforeOpening().toString()).get(path).then().statusCode(200)
                .body("status", equalTo("NOT_OPENED_YET")).body("eventsApplied", equalTo(0));
        as("auditor.horizon").queryParam("asOf", c.opened().toString()).get(path).then().statusCode(200)
                .body("status", equalTo("OPEN")).body("risk", equalTo(70)).body("decision", nullValue())
                .body("eventsApplied", equalTo(1));
        as("auditor.horizon").queryParam("asOf", c.claimed().toString()).get(path).then().statusCode(200)
                .body("status", equalTo("CLAIMED")).body("claimant", equalTo(Fixtures.subjectOf("moderator.horizon")));
        as("auditor.horizon").queryParam("asOf", c.rejected().toString()).get(path).then().statusCode(200)
                .body("status", equalTo("DECIDED")).body("decision", equalTo("REJECTED"))
                .body("category", equalTo("INSULT")).body("ground", equalTo("INCOMPATIBLE_WITH_TERMS"))
                .body("action", equalTo("REMOVED")).body("claimant", nullValue()).body("eventsApplied", equalTo(3));
        as("auditor.horizon").get(path).then().statusCode(200).body("decision", equalTo("REJECTED"));

        as("auditor.horizon").queryParam("asOf", "yesterday").get(path).then().statusCode(400)
                .body("errors[0].field", equalTo("query.asOf"));
        as("auditor.lumen").queryParam("asOf", c.rejected().toString()).get(path).then().statusCode(404);
    }

    @Test
    void theDecisionLogIsReadByModeratorCommunityAndTime() throws Exception {
        Decided c = rejectedCase();
        String moderator = Fixtures.subjectOf("moderator.horizon");

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("auditor.horizon")
                .queryParam("communityId", c.community().toString()).get("/audit/decisions").then().statusCode(200)
                .body("items.caseId", hasItem(c.caseId().toString())));
        as("auditor.horizon").queryParam("communityId", c.community().toString()).queryParam("moderator", moderator)
                .queryParam("from", c.beforeOpening().toString()).queryParam("to", c.rejected().plusSeconds(5).toString())
                .get("/audit/decisions").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].decision", equalTo("REJECTED")).body("items[0].actorRole", equalTo("moderator"))
                .body("items[0].automated", equalTo(false)).body("items[0].language", equalTo("fr"))
                .body("items[0].statementOfReasonsId", notNullValue());
        as("auditor.horizon").queryParam("communityId", c.community().toString())
                .queryParam("to", c.beforeOpening().toString()).get("/audit/decisions").then().statusCode(200)
                .body("items.size()", equalTo(0));
        as("auditor.horizon").queryParam("moderator", "someone-else").queryParam("communityId", c.community().toString())
                .get("/audit/decisions").then().statusCode(200).body("items.size()", equalTo(0));

        as("auditor.lumen").queryParam("communityId", c.community().toString()).get("/audit/decisions").then()
                .statusCode(200).body("items.caseId", not(hasItem(c.caseId().toString())));
        as("auditor.lumen").queryParam("tenant", "radio-horizon").get("/audit/decisions").then().statusCode(404);
        as("staff.auditor").queryParam("tenant", "radio-horizon").queryParam("communityId", c.community().toString())
                .get("/audit/decisions").then().statusCode(200).body("items.caseId", hasItem(c.caseId().toString()));
        as("auditor.horizon").queryParam("kind", "WHATEVER").get("/audit/decisions").then().statusCode(400)
                .body("errors[0].field", equalTo("query.kind"));
        as("auditor.horizon").queryParam("from", "2026-12-02T00:00:00Z").queryParam("to", "2026-12-01T00:00:00Z")
                .get("/audit/decisions").then().statusCode(400).body("errors[0].field", equalTo("query.to"));
    }

    @Test
    void theChainCoversEveryEventAndAnAlteredEventIsFoundExactly() throws Exception {
        Decided c = rejectedCase();
        String path = "/audit/cases/" + c.caseId() + "/history";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("auditor.horizon").get(path).then()
                .body("chainSeq", not(hasItem(nullValue()))).body("hash", not(hasItem(nullValue()))));
        String from = c.beforeOpening().toString();
        String to = c.rejected().plusSeconds(2).toString();
        as("staff.auditor").queryParam("from", from).queryParam("to", to).get("/audit/verify").then().statusCode(200)
                .body("ok", equalTo(true)).body("broken", nullValue()).body("unchained.size()", equalTo(0));
        as("auditor.horizon").queryParam("from", from).queryParam("to", to).get("/audit/verify").then().statusCode(200)
                .body("ok", equalTo(true)).body("tenant", equalTo("radio-horizon"));

        // the application's own role cannot change history
        long rejection = as("auditor.horizon").get(path).then().extract().jsonPath().getLong("[2].globalIndex");
        assertThatThrownBy(() -> {
            try (var connection = db.getConnection(); var update = connection.prepareStatement(
                    "update domain_event_entry set payload = payload where global_index = ?")) {
                update.setLong(1, rejection);
                update.executeUpdate();
            }
        }).isInstanceOf(SQLException.class).hasMessageContaining("append-only");

        // a superuser can; verification then points at exactly that event
        String alter = "set session_replication_role = replica; update domain_event_entry set payload = convert_to("
                + "replace(convert_from(payload, 'UTF8'), '%s', '%s'), 'UTF8') where global_index = " + rejection;
        Superuser.sql(alter.formatted("Insulte envers", "Remarque sur"));
        try {
            JsonPath verification = as("staff.auditor").queryParam("from", from).queryParam("to", to)
                    .get("/audit/verify").then().statusCode(200).body("ok", equalTo(false)).extract().jsonPath();
            assertThat(verification.getLong("broken.globalIndex")).isEqualTo(rejection);
            assertThat(verification.getString("broken.aggregateIdentifier")).isEqualTo(c.caseId().toString());
            assertThat(verification.getString("broken.expected")).isNotEqualTo(verification.getString("broken.found"));
            assertThat(verification.getString("broken.found")).isEqualTo(
                    as("auditor.horizon").get(path).then().extract().jsonPath().getString("[2].hash"));
            as("auditor.horizon").queryParam("from", from).queryParam("to", to).get("/audit/verify").then()
                    .body("ok", equalTo(false)).body("broken.globalIndex", equalTo((int) rejection));
            // another tenant's range does not contain it
            as("auditor.lumen").queryParam("from", from).queryParam("to", to).get("/audit/verify").then()
                    .body("ok", equalTo(true));

            // with a second change earlier in the chain (chunks of three links in tests, checked two at a time), the
            // earlier one is reported, over the whole store as over the range
            long opening = as("auditor.horizon").get(path).then().extract().jsonPath().getLong("[0].globalIndex");
            String alterOpening = "set session_replication_role = replica; update domain_event_entry set payload = "
                    + "convert_to(replace(convert_from(payload, 'UTF8'), '%s', '%s'), 'UTF8') where global_index = " + opening;
            Superuser.sql(alterOpening.formatted("\"language\":\"fr\"", "\"language\":\"en\""));
            try {
                as("staff.auditor").queryParam("from", from).queryParam("to", to).get("/audit/verify").then()
                        .body("ok", equalTo(false)).body("broken.globalIndex", equalTo((int) opening));
                as("staff.auditor").queryParam("from", "2000-01-01T00:00:00Z").get("/audit/verify").then()
                        .body("ok", equalTo(false)).body("broken.globalIndex", equalTo((int) opening));
            } finally {
                Superuser.sql(alterOpening.formatted("\"language\":\"en\"", "\"language\":\"fr\""));
            }
        } finally {
            Superuser.sql(alter.formatted("Remarque sur", "Insulte envers"));
        }
        as("staff.auditor").queryParam("from", from).queryParam("to", to).get("/audit/verify").then()
                .body("ok", equalTo(true));
        as("moderator.horizon").get("/audit/verify").then().statusCode(403);
        as("auditor.lumen").queryParam("tenant", "radio-horizon").get("/audit/verify").then().statusCode(404);
    }

    @Test
    void anExportMasksAuthorsUnlessTheCallerHoldsTheRightAndIsItselfRecorded() throws Exception {
        Decided c = rejectedCase();
        String from = c.beforeOpening().toString();
        String to = c.rejected().plusSeconds(2).toString();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("auditor.horizon")
                .get("/audit/cases/" + c.caseId() + "/history").then().body("chainSeq", not(hasItem(nullValue()))));

        String masked = as("auditor.horizon").queryParam("from", from).queryParam("to", to).get("/audit/export")
                .then().statusCode(200).contentType("application/x-ndjson").extract().asString();
        List<JsonPath> lines = masked.lines().map(JsonPath::new).toList();
        List<JsonPath> ofCase = lines.stream().filter(l -> c.caseId().toString().equals(l.getString("caseId"))).toList();
        assertThat(ofCase).extracting(l -> l.getString("type")).containsExactly("CaseOpened", "CaseClaimed", "CaseRejected");
        assertThat(lines).allSatisfy(l -> assertThat(l.getString("tenant")).isEqualTo("radio-horizon"));
        JsonPath opened = ofCase.getFirst();
        assertThat(opened.getString("author.pseudonym")).startsWith("author-");
        assertThat(opened.getString("author.id")).isNull();
        assertThat(opened.getBoolean("content.masked")).isTrue();
        assertThat(opened.getString("content.text")).isNull();
        assertThat(masked).doesNotContain("author-1\"").doesNotContain("Texte du message");
        assertThat(opened.getString("hash")).hasSize(64);

        String unmasked = as("auditor-legal.horizon").queryParam("from", from).queryParam("to", to).get("/audit/export")
                .then().statusCode(200).extract().asString();
        JsonPath openedWithRight = unmasked.lines().map(JsonPath::new)
                .filter(l -> c.caseId().toString().equals(l.getString("caseId"))).findFirst().orElseThrow();
        assertThat(openedWithRight.getString("author.id")).isEqualTo("author-1");
        assertThat(openedWithRight.getString("author.name")).isEqualTo("Auteur");
        assertThat(openedWithRight.getString("content.text")).isEqualTo("Texte du message");

        String other = as("auditor.lumen").queryParam("from", from).queryParam("to", to).get("/audit/export")
                .then().statusCode(200).extract().asString();
        assertThat(other).doesNotContain(c.caseId().toString());
        as("auditor.lumen").queryParam("tenant", "radio-horizon").get("/audit/export").then().statusCode(404);
        as("client-admin.horizon").get("/audit/export").then().statusCode(403);

        // both exports are in the record, chained like the rest, with who asked and whether personal data went out
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<JsonPath> recorded = as("auditor.horizon").queryParam("from", from)
                    .queryParam("to", Instant.now().plusSeconds(1).toString()).get("/audit/export").then()
                    .extract().asString().lines().map(JsonPath::new)
                    .filter(l -> "EventsExported".equals(l.getString("type"))).toList();
            assertThat(recorded).extracting(l -> l.getBoolean("payload.personalData")).contains(false, true);
            assertThat(recorded).extracting(l -> l.getString("payload.exportedBy"))
                    .contains(Fixtures.subjectOf("auditor.horizon"), Fixtures.subjectOf("auditor-legal.horizon"));
        });
    }
}
