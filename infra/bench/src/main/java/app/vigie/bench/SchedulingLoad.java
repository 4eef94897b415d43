package app.vigie.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.Histogram;

/**
 * Scheduling's speed against a running service (./vigie up), on loopback:
 * <ul>
 *   <li>{@code due}: {@code BENCH_POSTS} (100,000) approved posts scheduled in a bench community, falling due over
 *       {@code BENCH_SECONDS} (120) from 30 s after they are stored; the firing lag of each (handed over minus planned,
 *       from the database) as p50/p99/max, and how long publishing took (the community's endpoint is a sink in this
 *       JVM answering 204);</li>
 *   <li>{@code coverage}: 150 communities (French and English, 24/7) with three eight-hour shifts a day for four
 *       weeks, then {@code GET /coverage} over those four weeks, 5 warm-up and {@code BENCH_CHECKS} (30) measured calls.</li>
 * </ul>
 * Everything is written under the tenant {@code bench-scheduling} and removed at the end.
 */
public final class SchedulingLoad {

    private static final String TENANT = "bench-scheduling";
    private final String base = ModerationLoad.env("BENCH_TARGET", "http://127.0.0.1:" + ModerationLoad.env("VIGIE_SCHEDULING_PORT", "8084"));
    private final String keycloak = ModerationLoad.env("VIGIE_KEYCLOAK_URL", "http://127.0.0.1:8180");

    public static void main(String[] args) throws Exception {
        SchedulingLoad load = new SchedulingLoad();
        try {
            switch (args.length > 0 ? args[0] : "due") {
                case "due" -> load.due(Integer.parseInt(ModerationLoad.env("BENCH_POSTS", "100000")),
                        Integer.parseInt(ModerationLoad.env("BENCH_SECONDS", "120")));
                case "coverage" -> load.coverage(Integer.parseInt(ModerationLoad.env("BENCH_CHECKS", "30")));
                default -> throw new IllegalArgumentException("scenario: due or coverage");
            }
        } finally {
            load.clean();
        }
        System.exit(0);
    }

    void due(int posts, int seconds) throws Exception {
        AtomicInteger received = new AtomicInteger();
        HttpServer sink = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/publish", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        sink.start();
        try (Connection db = database()) {
            UUID community = community(db, 0, "http://127.0.0.1:" + sink.getAddress().getPort() + "/publish");
            Instant first = Instant.now().plusSeconds(30).truncatedTo(ChronoUnit.SECONDS);
            long t0 = System.nanoTime();
            try (PreparedStatement insert = db.prepareStatement("""
                    insert into post (id, tenant, community_id, text, media, planned_at, author, state, approved_by,
                                      approved_at, scheduled_by, created_at, updated_at)
                    select gen_random_uuid(), ?, ?, 'Bench post ' || i, '[]',
                           cast(? as timestamptz) + make_interval(secs => i * ?::double precision / ?), 'bench', 'SCHEDULED',
                           'bench-client', now(), 'bench', now(), now()
                      from generate_series(0, ? - 1) i""")) {
                insert.setString(1, TENANT);
                insert.setObject(2, community);
                insert.setString(3, first.toString());
                insert.setInt(4, seconds);
                insert.setInt(5, posts);
                insert.setInt(6, posts);
                insert.executeUpdate();
            }
            try (Statement analyze = db.createStatement()) {
                analyze.execute("analyze post");
            }
            System.out.printf(Locale.ROOT, "stored %d scheduled posts in %.1f s, falling due from %s over %d s%n",
                    posts, (System.nanoTime() - t0) / 1e9, first, seconds);
            long deadline = System.nanoTime() + Duration.ofSeconds(30L + seconds + 120).toNanos();
            while (count(db, "select count(*) from post where community_id = ? and state = 'SCHEDULED'", community) > 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("posts still scheduled two minutes after the last fell due");
                }
                Thread.sleep(1_000);
            }
            try (PreparedStatement lag = db.prepareStatement("""
                    select percentile_cont(0.5) within group (order by ms), percentile_cont(0.99) within group (order by ms),
                           max(ms), count(*)
                      from (select extract(epoch from (due_at - planned_at)) * 1000 as ms from post where community_id = ?) l""")) {
                lag.setObject(1, community);
                try (ResultSet r = lag.executeQuery()) {
                    r.next();
                    System.out.printf(Locale.ROOT, "scenario=due posts=%d firingLagMs p50=%.0f p99=%.0f max=%.0f%n",
                            r.getLong(4), r.getDouble(1), r.getDouble(2), r.getDouble(3));
                }
            }
            long publishDeadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
            while (count(db, "select count(*) from post where community_id = ? and state = 'DUE'", community) > 0
                    && System.nanoTime() < publishDeadline) {
                Thread.sleep(1_000);
            }
            try (PreparedStatement published = db.prepareStatement("""
                    select count(*), percentile_cont(0.99) within group (order by extract(epoch from (published_at - due_at)) * 1000)
                      from post where community_id = ? and state = 'PUBLISHED'""")) {
                published.setObject(1, community);
                try (ResultSet r = published.executeQuery()) {
                    r.next();
                    System.out.printf(Locale.ROOT, "scenario=due published=%d (endpoint received %d) publishLagMs p99=%.0f%n",
                            r.getLong(1), received.get(), r.getDouble(2));
                }
            }
        } finally {
            sink.stop(0);
        }
    }

    void coverage(int checks) throws Exception {
        Instant from = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(7));
        Instant to = from.plus(Duration.ofDays(28));
        try (Connection db = database()) {
            for (int c = 0; c < 150; c++) {
                UUID community = community(db, c, "http://127.0.0.1:9/none");
                try (PreparedStatement shifts = db.prepareStatement("""
                        insert into shift (id, tenant, person, person_name, starts_at, ends_at, time_zone, languages,
                                           communities, created_by, created_at)
                        select gen_random_uuid(), ?, 'bench-' || ? || '-' || (s % 3), 'Bench', cast(? as timestamptz)
                               + make_interval(hours => s * 8), cast(? as timestamptz) + make_interval(hours => s * 8 + 8),
                               'Europe/Paris', case when s % 7 = 0 then 'fr' else 'fr,en' end, ?, 'bench', now()
                          from generate_series(0, 28 * 3 - 1) s""")) {
                    shifts.setString(1, TENANT);
                    shifts.setInt(2, c);
                    shifts.setString(3, from.toString());
                    shifts.setString(4, from.toString());
                    shifts.setString(5, community.toString());
                    shifts.executeUpdate();
                }
            }
        }
        String token = token("staff.admin");
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String path = "/coverage?tenant=" + TENANT + "&from=" + URLEncoder.encode(from.toString(), StandardCharsets.UTF_8)
                + "&to=" + URLEncoder.encode(to.toString(), StandardCharsets.UTF_8);
        Histogram latency = new Histogram(60_000_000L, 3);
        String body = "";
        for (int i = 0; i < 5 + checks; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
            long micros = (System.nanoTime() - t0) / 1000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException("coverage answered " + response.statusCode() + " " + response.body());
            }
            if (i >= 5) {
                latency.recordValue(micros);
            }
            body = response.body();
        }
        int gaps = body.split("\"language\"", -1).length - 1;
        System.out.printf(Locale.ROOT, "scenario=coverage communities=150 shifts=%d weeks=4 gaps=%d requests=%d latencyMs p50=%.1f p99=%.1f max=%.1f%n",
                150 * 28 * 3, gaps, checks, latency.getValueAtPercentile(50) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
    }

    private static UUID community(Connection db, int n, String publishingUrl) throws SQLException {
        UUID id = UUID.randomUUID();
        try (PreparedStatement insert = db.prepareStatement("""
                insert into community_copy (id, tenant, name, time_zone, languages, reply_sla_minutes, coverage,
                                            callback_url, callback_secret_ref, status, staff, revision, copied_at)
                values (?, ?, ?, 'Europe/Paris', 'fr,en', 60, '{"mode":"ALWAYS"}', ?, 'radio-horizon-callback', 'ACTIVE', '[]', 0, now())""")) {
            insert.setObject(1, id);
            insert.setString(2, TENANT);
            insert.setString(3, "Bench community " + n);
            insert.setString(4, publishingUrl);
            insert.executeUpdate();
        }
        return id;
    }

    /** Removes every row the bench wrote. */
    private void clean() {
        try (Connection db = database(); Statement s = db.createStatement()) {
            s.execute("delete from post_history where post_id in (select id from post where tenant = '" + TENANT + "')");
            s.execute("delete from post where tenant = '" + TENANT + "'");
            s.execute("delete from shift where tenant = '" + TENANT + "'");
            s.execute("delete from community_copy where tenant = '" + TENANT + "'");
        } catch (SQLException e) {
            System.err.println("could not remove the bench rows: " + e.getMessage());
        }
    }

    private static long count(Connection db, String sql, UUID community) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            s.setObject(1, community);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + ModerationLoad.env("VIGIE_PG_HOST", "127.0.0.1") + ":"
                        + ModerationLoad.env("VIGIE_PG_PORT", "5432") + "/vigie_scheduling", "vigie_scheduling",
                ModerationLoad.env("VIGIE_DB_PASSWORD_SCHEDULING", "vigie-scheduling-dev"));
    }

    private String token(String user) throws Exception {
        String form = "grant_type=password&client_id=vigie-cli&username=" + user + "&password=vigie-demo";
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/vigie/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
        int at = body.indexOf("\"access_token\":\"") + 16;
        return body.substring(at, body.indexOf('"', at));
    }
}
