package app.vigie.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Two packaged scheduling instances on one database, as two replicas would run: both check in to Quartz's cluster,
 * every due post is handed over exactly once, and when one instance dies the other goes on firing.
 * Runs after {@code package} (failsafe), on the test database and the test vhost that ./vigie test sets.
 */
class TwoInstancesIT {

    private static final String DB = "vigie_scheduling_test";
    private final List<Process> instances = new ArrayList<>();

    @AfterEach
    void stop() {
        instances.forEach(Process::destroyForcibly);
    }

    @Test
    void eachDuePostIsHandedOverOnceAndASurvivorTakesOver() throws Exception {
        long started = System.currentTimeMillis();
        Process a = start("a");
        Process b = start("b");
        // both check in to the cluster (an earlier test run's instance may have left its row: only ours count)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(count(
                "select count(*) from qrtz_scheduler_state where last_checkin_time > " + started)).isEqualTo(2));

        UUID community = community();
        List<UUID> first = schedule(community, 150, 3);
        awaitHandedOver(first, Duration.ofSeconds(40));
        assertOnce(first);

        a.destroyForcibly().waitFor();
        List<UUID> second = schedule(community, 50, 2);
        awaitHandedOver(second, Duration.ofSeconds(60));
        assertOnce(second);
        assertThat(b.isAlive()).isTrue();
    }

    private Process start(String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String host = env("VIGIE_PG_HOST") + ":" + env("VIGIE_PG_PORT");
        String jar = System.getProperty("vigie.app.jar");
        File log = new File(new File(jar).getParentFile().getParentFile(), "two-instances-" + name + ".log");
        Process process = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=jdbc:postgresql://" + host + "/" + DB,
                "-Dquarkus.datasource.reactive.url=postgresql://" + host + "/" + DB,
                "-Dquarkus.log.console.json.enabled=false",
                "-jar", jar)
                .redirectErrorStream(true).redirectOutput(log).start();
        instances.add(process);
        HttpClient http = HttpClient.newHttpClient();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            assertThat(process.isAlive()).as("instance " + name + " died; see " + log).isTrue();
            try {
                return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            } catch (java.io.IOException notYet) {
                return false;
            }
        });
        return process;
    }

    private UUID community() throws Exception {
        UUID id = UUID.randomUUID();
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement("""
                insert into community_copy (id, tenant, name, time_zone, languages, reply_sla_minutes, coverage,
                                            callback_url, callback_secret_ref, status, staff, revision, copied_at)
                values (?, 'radio-horizon', 'Two instances', 'Europe/Paris', 'fr', 60, '{"mode":"ALWAYS"}',
                        'http://127.0.0.1:9/none', 'test-secret', 'ACTIVE', '[]', 0, now())""")) {
            insert.setObject(1, id);
            insert.executeUpdate();
        }
        return id;
    }

    /** {@code count} approved, scheduled posts falling due over the next {@code seconds} seconds. */
    private List<UUID> schedule(UUID community, int count, int seconds) throws Exception {
        List<UUID> ids = new ArrayList<>();
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement("""
                insert into post (id, tenant, community_id, text, media, planned_at, author, state, approved_by,
                                  approved_at, scheduled_by, created_at, updated_at)
                values (?, 'radio-horizon', ?, 'Post ' || ?, '[]', now() + make_interval(secs => ?), 'cm', 'SCHEDULED',
                        'client', now(), 'cm', now(), now())""")) {
            for (int i = 0; i < count; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                insert.setObject(1, id);
                insert.setObject(2, community);
                insert.setInt(3, i);
                insert.setDouble(4, 1 + (double) seconds * i / count);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return ids;
    }

    private void awaitHandedOver(List<UUID> ids, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(count(
                "select count(*) from post where state <> 'SCHEDULED' and id = any(?)", ids)).isEqualTo(ids.size()));
    }

    private void assertOnce(List<UUID> ids) throws Exception {
        assertThat(count("select count(*) from post_history where action = 'DUE' and post_id = any(?)", ids))
                .isEqualTo(ids.size());
        assertThat(count("select count(*) from outbox_event where type = 'post.due' and cast(payload->>'postId' as uuid) = any(?)", ids))
                .isEqualTo(ids.size());
    }

    private long count(String sql) throws Exception {
        return count(sql, null);
    }

    private long count(String sql, List<UUID> ids) throws Exception {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            if (ids != null) {
                s.setArray(1, c.createArrayOf("uuid", ids.toArray()));
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + env("VIGIE_PG_HOST") + ":" + env("VIGIE_PG_PORT") + "/" + DB,
                "vigie_scheduling", env("VIGIE_DB_PASSWORD_SCHEDULING"));
    }

    private static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set; run through ./vigie test");
        }
        return value;
    }
}
