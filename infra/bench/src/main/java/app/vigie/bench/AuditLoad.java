package app.vigie.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The auditors' side of moderation-decisions, against a running service (./vigie up), on loopback:
 * <ol>
 *   <li>seeds the event store: {@code BENCH_AUDIT_CASES} cases opened from {@code message.received} in a bench
 *       community, and {@code BENCH_AUDIT_DECIDED} of them claimed, commented and approved through the API (four
 *       events each, so that a point in time falls between events); waits until the hash chain covers the store;</li>
 *   <li>point-in-time case view: {@code GET /audit/cases/{id}?asOf=} at a random instant of a decided case's life,
 *       sequential requests as auditor.horizon, latency p50/p95/p99;</li>
 *   <li>chain verification: {@code GET /audit/verify} over the whole store (staff.auditor), three times, then one
 *       tenant over the run's span; links checked per second;</li>
 *   <li>projection rebuild: {@code POST /admin/projections/{name}/rebuild} (staff.admin) for the work queue and the
 *       decision log, followed until the replay reaches the head; events replayed per second.</li>
 * </ol>
 * The seeded cases stay, as every case does in the append-only store; the bench community is archived at the end.
 */
public final class AuditLoad {

    private static final Pattern LINKS_CHECKED = Pattern.compile("\"linksChecked\":(\\d+)");
    private static final Pattern OK = Pattern.compile("\"ok\":(true|false)");

    private final ModerationLoad moderation;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3)).build();
    private final String base;

    AuditLoad(ModerationLoad moderation) {
        this.moderation = moderation;
        this.base = ModerationLoad.env("BENCH_TARGET", "http://127.0.0.1:" + ModerationLoad.env("VIGIE_MODERATION_PORT", "8083"));
    }

    public static void main(String[] args) throws Exception {
        AuditLoad load = new AuditLoad(new ModerationLoad());
        load.run(Integer.parseInt(ModerationLoad.env("BENCH_AUDIT_CASES", "300000")),
                Integer.parseInt(ModerationLoad.env("BENCH_AUDIT_DECIDED", "300")),
                Integer.parseInt(ModerationLoad.env("BENCH_AUDIT_VIEWS", "2000")));
        System.exit(0);
    }

    void run(int cases, int decided, int views) throws Exception {
        Instant seededFrom = Instant.now();
        List<UUID> history = seed(cases, decided);
        Instant seededTo = Instant.now();
        long head = waitForChain(Duration.ofMinutes(20));
        System.out.printf(Locale.ROOT, "event store: %d events, all chained%n", head);

        asOf(history, seededFrom, views);
        for (int run = 1; run <= 3; run++) {
            verify("whole store, run " + run, "from=2000-01-01T00:00:00Z&to=" + Instant.now().plusSeconds(60));
        }
        verify("tenant radio-horizon, this run's span", "tenant=radio-horizon&from=" + seededFrom.minusSeconds(1)
                + "&to=" + seededTo.plusSeconds(60));
        rebuild("case-queue");
        rebuild("audit-log");
    }

    /** Opens {@code cases} cases and takes {@code decided} of them through claim, comment and approval. */
    private List<UUID> seed(int cases, int decided) throws Exception {
        UUID community = moderation.benchCommunity();
        long t0 = System.nanoTime();
        List<UUID> ids = moderation.publish(community, cases);
        long opened = moderation.waitForOpened(community, cases, Duration.ofMinutes(20));
        System.out.printf(Locale.ROOT, "seeded %d cases (%d in the queue) in %.1f s%n", cases, opened,
                (System.nanoTime() - t0) / 1e9);
        String moderator = moderation.token("moderator.horizon");
        List<UUID> history = new ArrayList<>(decided);
        for (UUID id : ids.subList(0, Math.min(decided, ids.size()))) {
            if (send(moderator, "POST", "/cases/" + id + "/claim", "").statusCode() == 200
                    && send(moderator, "POST", "/cases/" + id + "/comments", "{\"text\":\"bench note\"}").statusCode() / 100 == 2
                    && send(moderator, "POST", "/cases/" + id + "/approve", "").statusCode() == 204) {
                history.add(id);
            }
        }
        if (history.size() < decided) {
            throw new IllegalStateException("only " + history.size() + " of " + decided + " cases were decided");
        }
        return history;
    }

    /** Waits until the chainer has linked every stored event; returns the store's head. */
    private long waitForChain(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection db = moderation.database(); Statement s = db.createStatement()) {
            while (true) {
                try (ResultSet r = s.executeQuery("""
                        select (select coalesce(max(global_index), 0) from domain_event_entry),
                               (select coalesce(max(global_index), 0) from event_chain),
                               (select count(*) from domain_event_entry)""")) {
                    r.next();
                    if (r.getLong(1) == r.getLong(2)) {
                        return r.getLong(3);
                    }
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("the chain stops at " + r.getLong(2) + " of " + r.getLong(1));
                    }
                }
                Thread.sleep(500);
            }
        }
    }

    private void asOf(List<UUID> cases, Instant from, int views) throws Exception {
        String auditor = moderation.token("auditor.horizon");
        long span = Duration.between(from, Instant.now()).toMillis();
        for (int i = 0; i < 200; i++) {
            view(auditor, cases.get(i % cases.size()), from, span); // warm-up
        }
        Histogram latency = new Histogram(60_000_000L, 3);
        int errors = 0;
        for (int i = 0; i < views; i++) {
            long t0 = System.nanoTime();
            int status = view(auditor, cases.get(ThreadLocalRandom.current().nextInt(cases.size())), from, span);
            latency.recordValue((System.nanoTime() - t0) / 1000);
            if (status != 200) {
                errors++;
            }
        }
        System.out.printf(Locale.ROOT, "scenario=audit view=\"case as of an instant\" requests=%d errors=%d latencyMs p50=%.2f p95=%.2f p99=%.2f max=%.2f%n",
                views, errors, latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(95) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
    }

    private int view(String token, UUID id, Instant from, long spanMillis) throws Exception {
        Instant at = from.plusMillis(ThreadLocalRandom.current().nextLong(spanMillis + 1));
        return send(token, "GET", "/audit/cases/" + id + "?asOf=" + URLEncoder.encode(at.toString(), StandardCharsets.UTF_8), null)
                .statusCode();
    }

    private void verify(String what, String query) throws Exception {
        String auditor = moderation.token("staff.auditor");
        long t0 = System.nanoTime();
        HttpResponse<String> response = send(auditor, "GET", "/audit/verify?" + query, null);
        double seconds = (System.nanoTime() - t0) / 1e9;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("verify answered " + response.statusCode() + " " + response.body());
        }
        long links = Long.parseLong(find(LINKS_CHECKED, response.body()));
        System.out.printf(Locale.ROOT, "scenario=audit verify=\"%s\" ok=%s links=%d seconds=%.2f throughput=%.0f events/s%n",
                what, find(OK, response.body()), links, seconds, links / seconds);
    }

    private void rebuild(String projection) throws Exception {
        String admin = moderation.token("staff.admin");
        long t0 = System.nanoTime();
        HttpResponse<String> started = send(admin, "POST", "/admin/projections/" + projection + "/rebuild", "");
        if (started.statusCode() != 202) {
            throw new IllegalStateException("rebuild answered " + started.statusCode() + " " + started.body());
        }
        long head = Long.parseLong(find(Pattern.compile("\"head\":(\\d+)"), started.body()));
        while (true) {
            Thread.sleep(100);
            String state = send(admin, "GET", "/admin/projections/" + projection, null).body();
            if (state.contains("\"replaying\":false")
                    && Long.parseLong(find(Pattern.compile("\"position\":(\\d+)"), state)) >= head) {
                break;
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "scenario=audit rebuild=%s events=%d seconds=%.2f throughput=%.0f events/s%n",
                projection, head, seconds, head / seconds);
    }

    private HttpResponse<String> send(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + token);
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String find(Pattern pattern, String body) {
        Matcher m = pattern.matcher(body);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in " + body);
        }
        return m.group(1);
    }
}
