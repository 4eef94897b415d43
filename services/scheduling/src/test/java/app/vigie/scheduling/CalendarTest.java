package app.vigie.scheduling;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import app.vigie.contracts.EventPayloads;
import app.vigie.platform.testing.Broker;
import app.vigie.platform.testing.Keycloak;
import app.vigie.scheduling.application.DuePosts;
import app.vigie.scheduling.support.Communities;
import app.vigie.scheduling.support.Db;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The editorial calendar against real PostgreSQL, RabbitMQ and Keycloak: drafted by the community's manager,
 * reviewed by the client's admin (and no one else's), scheduled, handed over once at its time.
 */
@QuarkusTest
class CalendarTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    AgroalDataSource db;
    @Inject
    DuePosts duePosts;

    private UUID horizon;
    private UUID lumen;

    @BeforeEach
    void communities() throws Exception {
        horizon = Communities.registered(db, "radio-horizon", "Europe/Paris",
                Communities.manager("community-manager.horizon", "fr"));
        lumen = Communities.registered(db, "maison-lumen", "Europe/Paris",
                Communities.manager("community-manager.lumen", "fr"));
    }

    private static RequestSpecification as(String user) {
        return given().auth().oauth2(Keycloak.tokenFor(user)).contentType(ContentType.JSON);
    }

    private static String inTwoDays(int hour) {
        return LocalDate.now(PARIS).plusDays(2).atTime(hour, 0).toString();
    }

    private String draft(UUID community, String plannedAt) {
        return as("community-manager.horizon")
                .body(Map.of("communityId", community, "text", "Ce soir à 18 h : le grand débat de la rédaction",
                        "media", List.of("https://cdn.radio-horizon.example/debat.jpg"), "plannedAt", plannedAt))
                .post("/posts").then().statusCode(201).extract().path("id");
    }

    @Test
    void thePostGoesThroughTheClientAndBackToItAfterAnyChange() {
        String planned = inTwoDays(18);
        String id = draft(horizon, planned);
        String path = "/posts/" + id;
        as("community-manager.horizon").get(path).then().statusCode(200).body("state", equalTo("DRAFT"))
                .body("plannedLocal", equalTo(planned + ":00")).body("timeZone", equalTo("Europe/Paris"))
                .body("plannedAt", equalTo(LocalDateTime.parse(planned).atZone(PARIS).toInstant().toString()));

        as("community-manager.horizon").post(path + "/submit").then().statusCode(200).body("state", equalTo("SUBMITTED"));
        // only this client's admins review it
        as("client-admin.lumen").post(path + "/approve").then().statusCode(404);
        as("community-manager.horizon").post(path + "/approve").then().statusCode(403);
        as("moderator.horizon").post(path + "/approve").then().statusCode(403);
        as("client-admin.horizon").body(Map.of("comment", " ")).post(path + "/request-changes").then().statusCode(400)
                .body("errors[0].field", equalTo("body.comment"));
        as("client-admin.horizon").body(Map.of("comment", "Mettez l'heure en gras")).post(path + "/request-changes")
                .then().statusCode(200).body("state", equalTo("CHANGES_REQUESTED"))
                .body("reviewComment", equalTo("Mettez l'heure en gras"));
        as("community-manager.horizon").post(path + "/schedule").then().statusCode(409);

        // an edit says which version it changes
        as("community-manager.horizon").body(Map.of("text", "Sans version", "plannedAt", planned)).put(path).then()
                .statusCode(428);
        as("community-manager.horizon").header("If-Match", "\"0\"").body(Map.of("text", "Vieille version", "plannedAt", planned))
                .put(path).then().statusCode(412);
        edit(id, "Ce soir à **18 h** : le grand débat", planned).body("state", equalTo("CHANGES_REQUESTED"));
        as("community-manager.horizon").post(path + "/submit").then().statusCode(200);
        as("client-admin.horizon").post(path + "/approve").then().statusCode(200).body("state", equalTo("APPROVED"))
                .body("approvedBy", equalTo(Communities.subject("client-admin.horizon")));

        // changed after approval: back to a draft the client must see again
        edit(id, "Ce soir à 18 h 30 : le grand débat", inTwoDays(18)).body("state", equalTo("DRAFT"))
                .body("approvedBy", nullValue());
        as("community-manager.horizon").post(path + "/schedule").then().statusCode(409);
        as("community-manager.horizon").post(path + "/submit").then().statusCode(200);
        as("client-admin.horizon").post(path + "/approve").then().statusCode(200);
        as("community-manager.horizon").post(path + "/schedule").then().statusCode(200).body("state", equalTo("SCHEDULED"));

        JsonPath history = as("client-admin.horizon").get(path).then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("history.action", String.class)).containsExactly("CREATED", "SUBMITTED",
                "CHANGES_REQUESTED", "EDITED", "SUBMITTED", "APPROVED", "EDITED", "SUBMITTED", "APPROVED", "SCHEDULED");
        assertThat(history.getString("history[6].comment")).isEqualTo("back to the client: was APPROVED");

        // another company's people do not see it at all
        as("community-manager.lumen").get(path).then().statusCode(404);
        as("client-admin.lumen").get(path).then().statusCode(404);
        as("community-manager.lumen").body(Map.of("text", "x", "plannedAt", planned)).put(path).then().statusCode(404);
    }

    private io.restassured.response.ValidatableResponse edit(String id, String text, String plannedAt) {
        String etag = as("community-manager.horizon").get("/posts/" + id).then().extract().header("ETag");
        return as("community-manager.horizon").header("If-Match", etag).body(Map.of("text", text, "plannedAt", plannedAt))
                .put("/posts/" + id).then().statusCode(200);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String yesterday = LocalDate.now(PARIS).minusDays(1).atTime(12, 0).toString();
        as("community-manager.horizon").body(Map.of("communityId", horizon, "text", "Hier", "plannedAt", yesterday))
                .post("/posts").then().statusCode(400).body("errors[0].field", equalTo("body.plannedAt"));
        // 02:30 on the last Sunday of March 2027 does not exist in Paris
        as("community-manager.horizon").body(Map.of("communityId", horizon, "text", "Changement d'heure",
                        "plannedAt", "2027-03-28T02:30")).post("/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("body.plannedAt"));
        as("community-manager.horizon").body(Map.of("communityId", horizon, "text", "Quand ?", "plannedAt", "demain"))
                .post("/posts").then().statusCode(400).body("errors[0].field", equalTo("body.plannedAt"));
        as("community-manager.horizon").body(Map.of("communityId", horizon, "text", "Photo", "plannedAt", inTwoDays(9),
                "media", List.of("javascript:alert(1)"))).post("/posts").then().statusCode(400)
                .body("errors[0].field", equalTo("body.media[0]"));
        as("community-manager.horizon").body(Map.of("communityId", horizon, "text", " ", "plannedAt", inTwoDays(9)))
                .post("/posts").then().statusCode(400).body("errors[0].field", equalTo("body.text"));
        // another company's community, and one that does not exist, are not found
        as("community-manager.horizon").body(Map.of("communityId", lumen, "text", "Chez Lumen", "plannedAt", inTwoDays(9)))
                .post("/posts").then().statusCode(404);
        as("community-manager.horizon").body(Map.of("communityId", UUID.randomUUID(), "text", "?", "plannedAt", inTwoDays(9)))
                .post("/posts").then().statusCode(404);
        // a community manager of the same company who does not manage this community
        as("moderator.horizon").body(Map.of("communityId", horizon, "text", "Moi aussi", "plannedAt", inTwoDays(9)))
                .post("/posts").then().statusCode(403);
        as("community-manager.horizon").get("/posts/not-an-id").then().statusCode(400).body("errors[0].field", equalTo("path.id"));
        as("community-manager.horizon").queryParam("view", "year").get("/calendar").then().statusCode(400)
                .body("errors[0].field", equalTo("query.view"));
        as("client-admin.horizon").queryParam("timeZone", "Mars/Olympus").get("/calendar").then().statusCode(400)
                .body("errors[0].field", equalTo("query.timeZone"));
    }

    @Test
    void theCalendarShowsEachPostOnItsLocalDayToItsCompanyOnly() {
        String late = LocalDate.now(PARIS).plusDays(3).atTime(23, 30).toString(); // the next day in UTC+10
        String id = draft(horizon, late);
        LocalDate day = LocalDate.parse(late.substring(0, 10));
        JsonPath week = as("community-manager.horizon").queryParam("view", "week").queryParam("date", day.toString())
                .queryParam("communityId", horizon).get("/calendar").then().statusCode(200)
                .body("timeZone", equalTo("Europe/Paris")).body("days.size()", equalTo(7)).extract().jsonPath();
        int index = week.getList("days.date", String.class).indexOf(day.toString());
        assertThat(week.getList("days[" + index + "].posts.id", String.class)).contains(id);

        as("client-admin.horizon").queryParam("view", "day").queryParam("date", day.toString())
                .queryParam("timeZone", "Europe/Paris").get("/calendar").then().statusCode(200)
                .body("tenant", equalTo("radio-horizon")).body("days[0].posts.id", hasItem(id));
        as("client-admin.horizon").queryParam("view", "day").queryParam("date", day.plusDays(1).toString())
                .queryParam("timeZone", "Australia/Sydney").get("/calendar").then().statusCode(200)
                .body("days[0].posts.id", hasItem(id));
        as("client-admin.lumen").queryParam("view", "month").queryParam("date", day.toString()).get("/calendar")
                .then().statusCode(200).body("days.posts.flatten().id", not(hasItem(id)));
        as("client-admin.lumen").queryParam("communityId", horizon).get("/calendar").then().statusCode(404);
        as("client-admin.lumen").queryParam("tenant", "radio-horizon").get("/calendar").then().statusCode(404);
        as("moderator.horizon").get("/calendar").then().statusCode(403);
    }

    @Test
    void aScheduledPostIsHandedOverOnceAtItsTime() throws Exception {
        try (Broker broker = Broker.connect()) {
            Broker.Listener due = broker.listen("post.due");
            String id = approvedPost(Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.SECONDS).toString());
            as("community-manager.horizon").post("/posts/" + id + "/schedule").then().statusCode(200);

            // handed over (the publisher then tries this community's endpoint, which does not answer: DUE, then FAILED)
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> as("client-admin.horizon").get("/posts/" + id)
                    .then().body("dueAt", not(nullValue())).body("history.action", hasItem("DUE")));
            JsonNode event = EventPayloads.mapper().readTree(due.next(Duration.ofSeconds(15)).body());
            assertThat(event.path("type").asText()).isEqualTo("post.due");
            assertThat(event.path("tenant").asText()).isEqualTo("radio-horizon");
            assertThat(event.path("payload").path("postId").asText()).isEqualTo(id);
            assertThat(event.path("payload").path("approvedBy").asText()).isEqualTo(Communities.subject("client-admin.horizon"));
            String etag = as("community-manager.horizon").get("/posts/" + id).then().extract().header("ETag");
            as("community-manager.horizon").header("If-Match", etag).body(Map.of("text", "trop tard", "plannedAt", inTwoDays(9)))
                    .put("/posts/" + id).then().statusCode(409);
            as("community-manager.horizon").post("/posts/" + id + "/cancel").then().statusCode(409);
        }
    }

    @Test
    void passesRacingOverTheSameDuePostsHandEachOverOnce() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ids.add(approvedPost(inTwoDays(10)));
            as("community-manager.horizon").post("/posts/" + ids.getLast() + "/schedule").then().statusCode(200);
        }
        // as if their time had come: planned a second ago
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(
                "update post set planned_at = now() - interval '1 second' where id = any(?)")) {
            s.setArray(1, c.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray()));
            s.executeUpdate();
        }
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> passes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                passes.add(pool.submit((Callable<Integer>) duePosts::handOver));
            }
            for (Future<Integer> pass : passes) {
                pass.get();
            }
        } finally {
            pool.shutdown();
        }
        for (String id : ids) {
            assertThat(Db.count(db, "select count(*) from post_history where post_id = ?::uuid and action = 'DUE'", id))
                    .as("hand-overs of " + id).isEqualTo(1);
            assertThat(Db.count(db, "select count(*) from outbox_event where type = 'post.due' and payload->>'postId' = ?", id))
                    .as("post.due of " + id).isEqualTo(1);
        }
    }

    private String approvedPost(String plannedAt) {
        String id = draft(horizon, plannedAt);
        as("community-manager.horizon").post("/posts/" + id + "/submit").then().statusCode(200);
        as("client-admin.horizon").post("/posts/" + id + "/approve").then().statusCode(200);
        return id;
    }
}
