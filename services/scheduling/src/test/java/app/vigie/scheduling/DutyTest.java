package app.vigie.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.moderation.CaseNeedsReply;
import app.vigie.contracts.opinion.AlertRaised;
import app.vigie.platform.testing.Broker;
import app.vigie.platform.testing.Keycloak;
import app.vigie.scheduling.application.CoverageCheck;
import app.vigie.scheduling.application.TaskJobs;
import app.vigie.scheduling.support.Communities;
import app.vigie.scheduling.support.Db;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Shifts, coverage and reply tasks against real PostgreSQL, RabbitMQ and Keycloak: a request from moderation
 * becomes one task with its deadline, goes to the community manager on shift who reads its language, leaves them
 * when their shift ends, is reported once when overdue, and is done with the reply recorded.
 */
@QuarkusTest
class DutyTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    AgroalDataSource db;
    @Inject
    TaskJobs jobs;
    @Inject
    CoverageCheck coverage;

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Keycloak.tokenFor(user)).contentType(ContentType.JSON);
    }

    private static String local(Instant instant) {
        return LocalDateTime.ofInstant(instant, PARIS).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    private static Map<String, Object> shift(String person, Instant start, Instant end, List<String> languages,
                                             List<UUID> communities) {
        return Map.of("person", person, "personName", person, "start", local(start), "end", local(end),
                "timeZone", "Europe/Paris", "languages", languages, "communities", communities);
    }

    @Test
    void shiftsAreRefusedWhenTheyCannotBe() throws Exception {
        UUID horizon = Communities.registered(db, "radio-horizon", "Europe/Paris");
        String person = "person-" + UUID.randomUUID();
        Instant monday = Instant.parse("2027-01-04T21:00:00Z"); // 22:00 in Paris
        as("client-admin.horizon").body(shift(person, monday, monday.plus(Duration.ofHours(8)), List.of("fr"), List.of()))
                .post("/shifts").then().statusCode(201).body("localStart", equalTo("2027-01-04T22:00:00"))
                .body("localEnd", equalTo("2027-01-05T06:00:00"));
        as("client-admin.horizon").body(shift(person, monday.plus(Duration.ofHours(7)), monday.plus(Duration.ofHours(10)),
                List.of("fr"), List.of())).post("/shifts").then().statusCode(409).body("errors[0].field", equalTo("body.start"));
        as("client-admin.horizon").body(shift(person, monday.plus(Duration.ofHours(8)), monday.plus(Duration.ofHours(16)),
                List.of("fr"), List.of())).post("/shifts").then().statusCode(201); // back to back is not an overlap
        as("client-admin.horizon").body(shift(person, monday.plus(Duration.ofDays(2)), monday.plus(Duration.ofDays(1)),
                List.of("fr"), List.of())).post("/shifts").then().statusCode(400).body("errors[0].field", equalTo("body.end"));
        as("client-admin.horizon").body(shift(person, monday.plus(Duration.ofDays(3)), monday.plus(Duration.ofDays(5)),
                List.of("fr"), List.of())).post("/shifts").then().statusCode(400).body("errors[0].field", equalTo("body.end"));
        Map<String, Object> mars = new java.util.HashMap<>(shift(person, monday.plus(Duration.ofDays(3)),
                monday.plus(Duration.ofDays(3).plusHours(2)), List.of("fr"), List.of()));
        mars.put("timeZone", "Mars/Olympus");
        as("client-admin.horizon").body(mars).post("/shifts").then().statusCode(400).body("errors[0].field", equalTo("body.timeZone"));
        Map<String, Object> gap = new java.util.HashMap<>(mars);
        gap.put("timeZone", "Europe/Paris");
        gap.put("start", "2027-03-28T02:30");
        gap.put("end", "2027-03-28T08:00");
        as("client-admin.horizon").body(gap).post("/shifts").then().statusCode(400).body("errors[0].field", equalTo("body.start"));
        as("client-admin.horizon").body(shift(person, monday.plus(Duration.ofDays(4)), monday.plus(Duration.ofDays(4).plusHours(2)),
                List.of("french"), List.of())).post("/shifts").then().statusCode(400).body("errors[0].field", equalTo("body.languages[0]"));
        as("client-admin.lumen").body(shift("p-" + UUID.randomUUID(), monday.plus(Duration.ofDays(4)),
                monday.plus(Duration.ofDays(4).plusHours(2)), List.of("fr"), List.of(horizon))).post("/shifts").then()
                .statusCode(400).body("errors[0].field", equalTo("body.communities[0]"));
        as("community-manager.horizon").body(shift(person, monday.plus(Duration.ofDays(6)), monday.plus(Duration.ofDays(6).plusHours(2)),
                List.of("fr"), List.of())).post("/shifts").then().statusCode(403);
        as("staff.admin").body(shift(person, monday.plus(Duration.ofDays(6)), monday.plus(Duration.ofDays(6).plusHours(2)),
                List.of("fr"), List.of())).post("/shifts").then().statusCode(400).body("errors[0].field", equalTo("body.tenant"));

        as("community-manager.horizon").queryParam("from", monday.toString()).queryParam("to", monday.plus(Duration.ofDays(1)).toString())
                .queryParam("person", person).get("/shifts").then().statusCode(200).body("", hasSize(2));
        as("client-admin.lumen").queryParam("from", monday.toString()).queryParam("to", monday.plus(Duration.ofDays(1)).toString())
                .queryParam("person", person).get("/shifts").then().statusCode(200).body("", hasSize(0));
        as("client-admin.horizon").queryParam("to", monday.toString()).get("/shifts").then().statusCode(400)
                .body("errors[0].field", equalTo("query.from"));
    }

    @Test
    void aReplyRequestBecomesOneTaskForTheManagerOnShiftWhoReadsItsLanguage() throws Exception {
        String manager = Communities.subject("community-manager.horizon");
        UUID community = Communities.registered(db, "radio-horizon", "Europe/Paris",
                Communities.manager("community-manager.horizon", "fr"));
        Instant now = Instant.now();
        String shiftId = as("client-admin.horizon").body(shift(manager, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(2)), List.of("fr"), List.of(community))).post("/shifts").then().statusCode(201)
                .extract().path("id");
        try (Broker broker = Broker.connect()) {
            Broker.Listener overdue = broker.listen("task.overdue");
            UUID caseId = UUID.randomUUID();
            Instant requestedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            CaseNeedsReply request = new CaseNeedsReply(caseId, caseId, community, "radio-horizon", "moderator-x",
                    "Réclamation sur une facture", requestedAt, "fr");
            EventEnvelope event = new EventEnvelope(UUID.randomUUID(), "case.needs-reply", 1, Instant.now(),
                    "radio-horizon", "test", EventPayloads.toTree(request));
            String body = new String(EventPayloads.serialize(event), StandardCharsets.UTF_8);
            broker.publish("case.needs-reply", body);
            broker.publish("case.needs-reply", body); // redelivered
            broker.publish("case.needs-reply", new String(EventPayloads.serialize(new EventEnvelope(UUID.randomUUID(),
                    "case.needs-reply", 1, Instant.now(), "radio-horizon", "test", EventPayloads.toTree(request))),
                    StandardCharsets.UTF_8)); // asked again for the same case

            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as("community-manager.horizon")
                    .queryParam("communityId", community).get("/tasks").then().statusCode(200).body("", hasSize(1)));
            Thread.sleep(1_000); // the two other deliveries have had their chance
            JsonPath tasks = as("community-manager.horizon").queryParam("communityId", community).get("/tasks")
                    .then().body("", hasSize(1)).extract().jsonPath();
            String taskId = tasks.getString("[0].id");
            assertThat(tasks.getString("[0].sourceId")).isEqualTo(caseId.toString());
            assertThat(Instant.parse(tasks.getString("[0].deadline"))).isEqualTo(requestedAt.plus(Duration.ofMinutes(120)));

            // an English request: no one on shift reads English here
            String english = as("client-admin.horizon").body(Map.of("communityId", community, "language", "en",
                    "note", "Complaint about the app")).post("/tasks").then().statusCode(201).extract().path("id");
            jobs.assign();
            as("community-manager.horizon").get("/tasks/" + taskId).then().body("assignee", equalTo(manager))
                    .body("assigneeShift", equalTo(shiftId));
            as("community-manager.horizon").get("/tasks/" + english).then().body("assignee", nullValue());
            as("community-manager.horizon").queryParam("mine", true).get("/tasks").then()
                    .body("id", org.hamcrest.Matchers.hasItem(taskId));

            // the shift ends: with no one else on duty, the task goes back to no one
            Db.update(db, "update shift set ends_at = now() - interval '1 second' where id = ?::uuid", shiftId);
            jobs.assign();
            as("community-manager.horizon").get("/tasks/" + taskId).then().body("assignee", nullValue());

            // past its deadline: reported once
            Db.update(db, "update reply_task set deadline = now() - interval '1 minute' where id = ?::uuid", taskId);
            assertThat(jobs.reportOverdue()).isGreaterThanOrEqualTo(1);
            assertThat(jobs.reportOverdue()).isZero();
            JsonNode reported;
            do {
                reported = EventPayloads.mapper().readTree(overdue.next(Duration.ofSeconds(15)).body());
            } while (!reported.path("payload").path("taskId").asText().equals(taskId));
            assertThat(reported.path("payload").path("source").asText()).isEqualTo("CASE");
            as("client-admin.horizon").get("/tasks/" + taskId).then().body("overdue", equalTo(true));

            // done, with the reply recorded; once
            as("community-manager.horizon").body(Map.of("text", "Bonjour, nous avons corrigé votre facture.", "link", "ftp://x"))
                    .post("/tasks/" + taskId + "/done").then().statusCode(400).body("errors[0].field", equalTo("body.link"));
            as("client-admin.lumen").body(Map.of("text", "x")).post("/tasks/" + taskId + "/done").then().statusCode(403);
            as("community-manager.lumen").body(Map.of("text", "x")).post("/tasks/" + taskId + "/done").then().statusCode(404);
            as("community-manager.horizon").body(Map.of("text", "Bonjour, nous avons corrigé votre facture.",
                    "link", "https://facebook.example/p/42")).post("/tasks/" + taskId + "/done").then().statusCode(200)
                    .body("state", equalTo("DONE")).body("doneBy", equalTo(manager));
            as("community-manager.horizon").body(Map.of("text", "encore")).post("/tasks/" + taskId + "/done").then()
                    .statusCode(409);
            as("client-admin.lumen").get("/tasks/" + taskId).then().statusCode(404);
            as("client-admin.horizon").body(Map.of("communityId", community, "language", "de", "note", "?"))
                    .post("/tasks").then().statusCode(400).body("errors[0].field", equalTo("body.language"));
        } finally {
            as("client-admin.horizon").delete("/shifts/" + shiftId).then().statusCode(204);
        }
    }

    @Test
    void aShiftForATeamTakesTheTasksOfTheTeamsCommunities() throws Exception {
        UUID team = UUID.randomUUID();
        UUID community = Communities.registered(db, "maison-lumen", "Europe/Paris",
                new app.vigie.contracts.community.CommunitySnapshot.AssignedStaff("member-" + team, "Member",
                        app.vigie.contracts.community.StaffRole.COMMUNITY_MANAGER, List.of("en"), team));
        String person = "night-" + UUID.randomUUID();
        Instant now = Instant.now();
        Map<String, Object> plan = new java.util.HashMap<>(shift(person, now.minus(Duration.ofHours(1)),
                now.plus(Duration.ofHours(2)), List.of("en"), List.of()));
        plan.put("teams", List.of(team));
        String shiftId = as("client-admin.lumen").body(plan).post("/shifts").then().statusCode(201)
                .body("teams[0]", equalTo(team.toString())).extract().path("id");
        try {
            String task = as("client-admin.lumen").body(Map.of("communityId", community, "language", "en",
                    "note", "Late delivery complaint")).post("/tasks").then().statusCode(201).extract().path("id");
            jobs.assign();
            as("client-admin.lumen").get("/tasks/" + task).then().body("assignee", equalTo(person));
        } finally {
            as("client-admin.lumen").delete("/shifts/" + shiftId).then().statusCode(204);
        }
    }

    @Test
    void anAlertForACommunityBecomesOneTaskAndOneForNoCommunityNone() throws Exception {
        UUID community = Communities.registered(db, "radio-horizon", "Europe/Paris");
        UUID alertId = UUID.randomUUID();
        Instant raisedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (Broker broker = Broker.connect()) {
            for (String severity : List.of("WARNING", "CRISIS")) { // raised again when it gets worse: one task
                broker.publish("alert.raised", alert(new AlertRaised(alertId, UUID.randomUUID(), "radio-horizon",
                        community, severity, "Mentions négatives de la matinale", "fr", raisedAt)));
            }
            broker.publish("alert.raised", alert(new AlertRaised(UUID.randomUUID(), UUID.randomUUID(), "radio-horizon",
                    null, "CRISIS", "Pour l'équipe du client", "fr", raisedAt)));
        }
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> as("client-admin.horizon")
                .queryParam("communityId", community).get("/tasks").then().statusCode(200).body("", hasSize(1))
                .body("[0].source", equalTo("ALERT")).body("[0].sourceId", equalTo(alertId.toString()))
                .body("[0].note", equalTo("WARNING: Mentions négatives de la matinale")));
        Thread.sleep(1_000);
        as("client-admin.horizon").queryParam("communityId", community).get("/tasks").then().body("", hasSize(1));
        assertThat(Db.count(db, "select count(*) from reply_task where note like ?", "%Pour l'équipe du client%")).isZero();
    }

    private static String alert(AlertRaised alert) {
        return new String(EventPayloads.serialize(new EventEnvelope(UUID.randomUUID(), "alert.raised", 1, Instant.now(),
                alert.tenant(), "test", EventPayloads.toTree(alert))), StandardCharsets.UTF_8);
    }

    @Test
    void coverageListsEveryPromisedHourWithoutSomeoneWhoReadsTheLanguage() throws Exception {
        String person = "person-" + UUID.randomUUID();
        UUID community = Communities.registered(db, "maison-lumen", "Europe/Paris");
        Instant from = Instant.parse("2027-02-01T00:00:00Z");
        Instant to = from.plus(Duration.ofDays(1));
        as("client-admin.lumen").body(shift(person, from.plus(Duration.ofHours(6)), from.plus(Duration.ofHours(14)),
                List.of("fr"), List.of(community))).post("/shifts").then().statusCode(201);

        JsonPath result = as("client-admin.lumen").queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("communityId", community).get("/coverage").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> gaps = result.getList("gaps");
        assertThat(gaps).extracting(g -> g.get("language") + " " + g.get("from") + " " + g.get("to")).containsExactlyInAnyOrder(
                "fr 2027-02-01T00:00:00Z 2027-02-01T06:00:00Z",
                "fr 2027-02-01T14:00:00Z 2027-02-02T00:00:00Z",
                "en 2027-02-01T00:00:00Z 2027-02-02T00:00:00Z");
        as("client-admin.lumen").queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("communityId", community).queryParam("required", 0).get("/coverage").then().statusCode(400)
                .body("errors[0].field", equalTo("query.required"));
        as("client-admin.horizon").queryParam("from", from.toString()).queryParam("to", to.toString())
                .queryParam("communityId", community).get("/coverage").then().statusCode(404);
        as("client-admin.lumen").queryParam("from", from.toString()).queryParam("to", from.plus(Duration.ofDays(90)).toString())
                .get("/coverage").then().statusCode(400).body("errors[0].field", equalTo("query.to"));
        as("moderator.horizon").queryParam("from", from.toString()).queryParam("to", to.toString()).get("/coverage")
                .then().statusCode(403);
    }

    @Test
    void gapsOfTheNext48HoursAreAnnouncedOnce() throws Exception {
        UUID community = Communities.registered(db, "maison-lumen", "Europe/Paris");
        coverage.announceGaps();
        long first = Db.count(db, "select count(*) from outbox_event where type = 'coverage.gap' and payload->>'communityId' = ?",
                community.toString());
        assertThat(first).as("a community nobody covers: one gap per language").isEqualTo(2);
        coverage.announceGaps();
        assertThat(Db.count(db, "select count(*) from outbox_event where type = 'coverage.gap' and payload->>'communityId' = ?",
                community.toString())).isEqualTo(first);
    }
}
