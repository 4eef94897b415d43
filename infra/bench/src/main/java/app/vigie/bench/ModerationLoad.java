package app.vigie.bench;

import app.vigie.platform.id.UuidV7;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.ConnectionFactory;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Load against a running moderation-decisions (started by ./vigie up), on loopback, bounded:
 * <ul>
 *   <li>{@code open}: N {@code message.received} events published to RabbitMQ as intake would; cases opened per
 *       second, from the first publish until the last case is in the queue;</li>
 *   <li>{@code decide}: cases opened and claimed by moderator.horizon, then approved at a fixed arrival rate (open
 *       loop), latency p50/p95/p99;</li>
 *   <li>{@code queue}: a million waiting cases in a bench community, then {@code GET /queue} pages, p50/p95/p99;
 *       the bench rows are removed afterwards.</li>
 * </ul>
 * Every scenario works in a community of its own, created for the run (tenant radio-horizon, moderator.horizon
 * assigned, French) and archived afterwards, so that the demo moderator's queue does not fill with bench cases;
 * cases themselves stay, as every case does in the append-only event store.
 */
public final class ModerationLoad {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).executor(Executors.newFixedThreadPool(8)).build();
    private final String base = env("BENCH_TARGET", "http://127.0.0.1:" + env("VIGIE_MODERATION_PORT", "8083"));
    private final String keycloak = env("VIGIE_KEYCLOAK_URL", "http://127.0.0.1:8180");
    private final String token;
    private Connection counting;
    /** Decisions at the measured rate before the measurement, on the same connections. */
    private static final int WARMUP_SECONDS = 5;
    private final String subject;

    ModerationLoad() throws Exception {
        token = token("moderator.horizon");
        subject = claim(token, "sub");
    }

    public static void main(String[] args) throws Exception {
        ModerationLoad load = new ModerationLoad();
        switch (args.length > 0 ? args[0] : "open") {
            case "open" -> load.open(Integer.parseInt(env("BENCH_CASES", "20000")));
            case "decide" -> load.decide(Integer.parseInt(env("BENCH_RATE", "200")), Integer.parseInt(env("BENCH_SECONDS", "20")));
            case "queue" -> load.queue(Integer.parseInt(env("BENCH_OPEN_CASES", "1000000")), Integer.parseInt(env("BENCH_PAGES", "500")));
            default -> throw new IllegalArgumentException("scenario: open, decide or queue");
        }
        System.exit(0);
    }

    /**
     * Cases opened per second, two ways. Live: from the first publish until the last case is in the queue, the
     * publisher sharing the machine with the service. Backlog: case opening paused (as an operator would), the
     * messages published into RabbitMQ, then resumed; from the resume until the last case is in the queue, with
     * moderation, RabbitMQ's deliveries and PostgreSQL alone on the machine.
     */
    void open(int count) throws Exception {
        UUID community = benchCommunity();
        long start = System.nanoTime();
        publish(community, count);
        long publishedAt = System.nanoTime();
        long opened = waitForOpened(community, count, Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "scenario=open mode=live cases=%d opened=%d publishSeconds=%.2f seconds=%.2f throughput=%.0f cases/s%n",
                count, opened, (publishedAt - start) / 1e9, seconds, opened / seconds);

        UUID backlog = benchCommunity();
        String admin = token("staff.admin");
        caseOpening(admin, true);
        try {
            publish(backlog, count);
        } finally {
            caseOpening(admin, false);
        }
        long resumed = System.nanoTime();
        opened = waitForOpened(backlog, count, Duration.ofMinutes(10));
        seconds = (System.nanoTime() - resumed) / 1e9;
        System.out.printf(Locale.ROOT, "scenario=open mode=backlog cases=%d opened=%d seconds=%.2f throughput=%.0f cases/s%n",
                count, opened, seconds, opened / seconds);
    }

    private void caseOpening(String adminToken, boolean paused) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/admin/case-opening"))
                .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + adminToken)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"paused\":" + paused + "}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("PUT /admin/case-opening answered " + response.statusCode() + " " + response.body());
        }
    }

    void decide(int rate, int seconds) throws Exception {
        int total = rate * seconds;
        UUID community = benchCommunity();
        List<UUID> ids = publish(community, total + rate * WARMUP_SECONDS);
        waitForOpened(community, ids.size(), Duration.ofMinutes(10));
        waitForQueue(ids);
        // claim them all first (4 clients), then decide at a fixed rate
        ConcurrentLinkedQueue<UUID> claimed = new ConcurrentLinkedQueue<>();
        List<Thread> claimers = new ArrayList<>();
        AtomicInteger next = new AtomicInteger();
        for (int t = 0; t < 4; t++) {
            claimers.add(Thread.ofPlatform().start(() -> {
                for (int i = next.getAndIncrement(); i < ids.size(); i = next.getAndIncrement()) {
                    try {
                        if (post("/cases/" + ids.get(i) + "/claim").statusCode() == 200) {
                            claimed.add(ids.get(i));
                        }
                    } catch (Exception e) {
                        // counted as not claimed
                    }
                }
            }));
        }
        for (Thread t : claimers) {
            t.join();
        }
        // warm-up at the same rate on the same client and connections (not measured), then the measured run
        List<UUID> toApprove = new ArrayList<>(claimed);
        if (toApprove.size() < ids.size()) {
            throw new IllegalStateException("only " + toApprove.size() + " of " + ids.size() + " cases were claimed");
        }
        int warmupSeconds = WARMUP_SECONDS;
        try (OpenLoop load = new OpenLoop(URI.create(base), token, 32)) {
            load.post(i -> "/cases/" + toApprove.get(i) + "/approve", () -> "", rate, warmupSeconds, 204);
            int offset = rate * warmupSeconds;
            OpenLoop.Result result = load.post(i -> "/cases/" + toApprove.get(offset + i) + "/approve", () -> "",
                    rate, seconds, 204);
            System.out.println(result.summary("decide", base, rate));
        }
    }

    void queue(int openCases, int pages) throws Exception {
        UUID community = benchCommunity();
        try (Connection db = database()) {
            long t0 = System.nanoTime();
            try (PreparedStatement rows = db.prepareStatement("""
                    insert into case_queue (case_id, community_id, tenant, language, risk, suggested_category, status,
                                            deadline, opened_at)
                    select gen_random_uuid(), ?, 'radio-horizon', 'fr', (random() * 100)::int, null, 'OPEN',
                           now() + make_interval(mins => (random() * 600)::int), now()
                      from generate_series(1, ?)""")) {
                rows.setObject(1, community);
                rows.setInt(2, openCases);
                rows.executeUpdate();
            }
            try (var analyze = db.createStatement()) {
                analyze.execute("analyze case_queue");
            }
            System.out.printf(Locale.ROOT, "loaded %d waiting cases in %.1f s%n", openCases, (System.nanoTime() - t0) / 1e9);
            try {
                measurePages("queue (all of the moderator's communities)", "/queue?limit=50", pages);
                measurePages("queue (one community)", "/queue?limit=50&communityId=" + community, pages);
                measurePages("sla view", "/sla", Math.max(20, pages / 10));
            } finally {
                try (PreparedStatement clean = db.prepareStatement("delete from case_queue where community_id = ?")) {
                    clean.setObject(1, community);
                    clean.executeUpdate();
                }
            }
        }
    }

    private void measurePages(String what, String path, int pages) throws Exception {
        for (int i = 0; i < 50; i++) {
            get(path); // warm-up
        }
        Histogram latency = new Histogram(60_000_000L, 3);
        int errors = 0;
        for (int i = 0; i < pages; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> response = get(path);
            latency.recordValue((System.nanoTime() - t0) / 1000);
            if (response.statusCode() != 200) {
                errors++;
            }
        }
        System.out.printf(Locale.ROOT, "scenario=queue page=\"%s\" requests=%d errors=%d latencyMs p50=%.2f p95=%.2f p99=%.2f max=%.2f%n",
                what, pages, errors, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(95) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
    }

    /** Publishes message.received events for new messages of {@code community}, confirmed by the broker. */
    List<UUID> publish(UUID community, int count) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(env("VIGIE_RABBITMQ_HOST", "127.0.0.1"));
        factory.setPort(Integer.parseInt(env("VIGIE_RABBITMQ_PORT", "5672")));
        factory.setUsername(env("VIGIE_RABBITMQ_USER", "vigie"));
        factory.setPassword(env("VIGIE_RABBITMQ_PASSWORD", "vigie-dev"));
        factory.setVirtualHost(env("VIGIE_RABBITMQ_VHOST", "vigie"));
        List<UUID> ids = new ArrayList<>(count);
        try (var connection = factory.newConnection(); Channel channel = connection.createChannel()) {
            channel.confirmSelect();
            for (int i = 0; i < count; i++) {
                UUID id = UuidV7.generate(); // as intake makes message ids (and so case ids)
                ids.add(id);
                String now = Instant.now().toString();
                String payload = "{\"messageId\":\"" + id + "\",\"version\":1,\"communityId\":\"" + community
                        + "\",\"tenant\":\"radio-horizon\",\"platform\":\"FACEBOOK_PAGE\",\"moderationMode\":\"A_POSTERIORI\","
                        + "\"policyVersion\":1,\"externalId\":\"bench-" + id + "\",\"author\":{\"id\":\"a" + (i % 5000)
                        + "\",\"name\":\"Auditeur\"},\"text\":\"Message de charge " + i + "\",\"media\":[],"
                        + "\"receivedAt\":\"" + now + "\",\"triage\":{\"language\":\"fr\",\"risk\":" + (20 + i % 60)
                        + ",\"suggestedCategory\":null,\"rules\":[],\"fingerprint\":\"f" + i + "\"},\"hidden\":false}";
                String envelope = "{\"id\":\"" + UuidV7.generate() + "\",\"type\":\"message.received\",\"version\":1,"
                        + "\"occurredAt\":\"" + now + "\",\"tenant\":\"radio-horizon\",\"correlationId\":\"bench\","
                        + "\"payload\":" + payload + "}";
                channel.basicPublish("vigie.events", "message.received",
                        new com.rabbitmq.client.AMQP.BasicProperties.Builder().contentType("application/json")
                                .deliveryMode(2).build(),
                        envelope.getBytes(StandardCharsets.UTF_8));
                if (i % 10_000 == 9_999) {
                    channel.waitForConfirmsOrDie(60_000); // a window wide enough not to pace the publisher
                }
            }
            channel.waitForConfirmsOrDie(60_000);
        }
        return ids;
    }

    /** Waits until {@code count} cases of the bench community are in the queue (opened, and projected). */
    long waitForOpened(UUID community, int count, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long n = inQueue(community);
            if (n >= count || System.nanoTime() > deadline) {
                return n;
            }
            Thread.sleep(50);
        }
    }

    /**
     * Cases of the bench community in the queue, counted through its per-community index. (Counting new events by
     * payload type, as this did before, read every new event ten times a second: a share of PostgreSQL taken from
     * the service being measured.)
     */
    private long inQueue(UUID community) throws SQLException {
        if (counting == null) {
            counting = database(); // one connection for every count: a new one is a new PostgreSQL process
        }
        try (PreparedStatement opened = counting.prepareStatement(
                "select count(*) from case_queue where community_id = ? and status <> 'DECIDED'")) {
            opened.setObject(1, community);
            try (ResultSet r = opened.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private void waitForQueue(List<UUID> ids) throws Exception {
        try (Connection db = database(); PreparedStatement inQueue = db.prepareStatement(
                "select count(*) from case_queue where case_id = any(?)")) {
            inQueue.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            for (int i = 0; i < 600; i++) {
                try (ResultSet r = inQueue.executeQuery()) {
                    r.next();
                    if (r.getInt(1) >= ids.size()) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
    }

    /**
     * A community for this run only, in moderation's copy (as the registry's snapshot would make it), archived when
     * the run ends so that it leaves the moderator's queue.
     */
    UUID benchCommunity() throws SQLException {
        UUID community = UUID.randomUUID();
        try (Connection db = database(); PreparedStatement copy = db.prepareStatement("""
                insert into community_copy (id, tenant, languages, decision_sla_minutes, status, policy_version,
                                            staff, revision, copied_at)
                values (?, 'radio-horizon', 'fr', 60, 'ACTIVE', 1, ?, 1, now())""")) {
            copy.setObject(1, community);
            copy.setString(2, "[{\"subject\":\"" + subject + "\",\"role\":\"MODERATOR\",\"languages\":[\"fr\"],\"team\":null}]");
            copy.executeUpdate();
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Connection db = database(); PreparedStatement archive = db.prepareStatement(
                    "update community_copy set status = 'ARCHIVED' where id = ?")) {
                archive.setObject(1, community);
                archive.executeUpdate();
            } catch (SQLException e) {
                System.err.println("could not archive bench community " + community + ": " + e.getMessage());
            }
        }));
        return community;
    }

    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + env("VIGIE_PG_HOST", "127.0.0.1") + ":"
                        + env("VIGIE_PG_PORT", "5432") + "/vigie_moderation", "vigie_moderation",
                env("VIGIE_DB_PASSWORD_MODERATION", "vigie-moderation-dev"));
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.noBody()).build();
    }

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    String token(String user) throws Exception {
        String form = "grant_type=password&client_id=vigie-cli&username=" + user + "&password="
                + URLEncoder.encode("vigie-demo", StandardCharsets.UTF_8);
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/vigie/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
        int at = body.indexOf("\"access_token\":\"") + 16;
        return body.substring(at, body.indexOf('"', at));
    }

    private static String claim(String jwt, String name) {
        String json = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        int at = json.indexOf("\"" + name + "\":\"") + name.length() + 4;
        return json.substring(at, json.indexOf('"', at));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
