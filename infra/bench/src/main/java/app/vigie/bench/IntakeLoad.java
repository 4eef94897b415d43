package app.vigie.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Load against a running intake (started by ./vigie up), on loopback, bounded in count and time:
 * <ul>
 *   <li>{@code batch}: concurrent clients each posting batches of 1,000 messages; messages/s stored with their
 *       outbox events, and the latency of a batch;</li>
 *   <li>{@code single}: one message per request at a fixed arrival rate through {@link OpenLoop} (latency measured from the
 *       time a request was due, so a stall is not hidden), p50/p95/p99.</li>
 * </ul>
 * Messages go to the demo community FACEBOOK_PAGE 104839205731 of radio-horizon, with unique external ids.
 */
public final class IntakeLoad {

    private static final String PAGE = "104839205731";
    private static final String[] TEXTS = TriageBenchmark.MESSAGES.toArray(String[]::new);

    // HTTP/1.1 as client systems and the gateway speak to intake (the JDK client would otherwise upgrade to h2c).
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(3))
            .executor(Executors.newFixedThreadPool(8)).build();
    private final String base;
    private final String token;
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final AtomicInteger sequence = new AtomicInteger();

    IntakeLoad(String base, String token) {
        this.base = base;
        this.token = token;
    }

    public static void main(String[] args) throws Exception {
        String scenario = args.length > 0 ? args[0] : "batch";
        String target = env("BENCH_TARGET", "http://127.0.0.1:" + env("VIGIE_INTAKE_PORT", "8082"));
        String token = token(env("VIGIE_KEYCLOAK_URL", "http://127.0.0.1:8180"));
        IntakeLoad load = new IntakeLoad(target, token);
        switch (scenario) {
            case "batch" -> load.batch(Integer.parseInt(env("BENCH_CLIENTS", "4")), Integer.parseInt(env("BENCH_BATCHES", "10")));
            case "single" -> load.single(Integer.parseInt(env("BENCH_RATE", "500")), Integer.parseInt(env("BENCH_SECONDS", "20")));
            default -> throw new IllegalArgumentException("scenario: batch or single");
        }
        System.exit(0);
    }

    void batch(int clients, int batchesPerClient) throws Exception {
        Histogram latency = new ConcurrentHistogram(60_000_000L, 3);
        AtomicInteger created = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        for (int i = 0; i < 10; i++) {
            send(batchBody(1000)); // warm-up: a fresh JVM needs ~10,000 messages before its JIT has settled
        }
        long start = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int b = 0; b < batchesPerClient; b++) {
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<String> response = send(batchBody(1000));
                        latency.recordValue((System.nanoTime() - t0) / 1000);
                        if (response.statusCode() == 200) {
                            created.addAndGet(count(response.body(), "\"created\":"));
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failed.incrementAndGet();
                    }
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "scenario=batch target=%s clients=%d batches=%d messages=%d failedRequests=%d seconds=%.2f "
                        + "throughput=%.0f msg/s batchLatencyMs p50=%.1f p95=%.1f p99=%.1f max=%.1f%n",
                base, clients, clients * batchesPerClient, created.get(), failed.get(), seconds, created.get() / seconds,
                latency.getValueAtPercentile(50) / 1000.0, latency.getValueAtPercentile(95) / 1000.0,
                latency.getValueAtPercentile(99) / 1000.0, latency.getMaxValue() / 1000.0);
    }

    void single(int ratePerSecond, int seconds) throws Exception {
        try (OpenLoop load = new OpenLoop(URI.create(base), token, Integer.parseInt(env("BENCH_CONNECTIONS", "64")))) {
            // Warm-up at the same rate, not measured, on the same connections: a fresh service JVM needs ~10,000
            // requests before its JIT has settled, and the client's own first second is slow too.
            int warmUpSeconds = Integer.parseInt(env("BENCH_WARMUP_SECONDS", "20"));
            if (warmUpSeconds > 0) {
                load.post("/messages", this::singleBody, ratePerSecond, warmUpSeconds, 201);
            }
            System.out.println(load.post("/messages", this::singleBody, ratePerSecond, seconds, 201)
                    .summary("single", base, ratePerSecond));
        }
    }

    private HttpResponse<String> send(String batch) throws Exception {
        return http.send(request("/messages/batch", batch), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest request(String path, String body) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private String message() {
        int n = sequence.incrementAndGet();
        return "{\"platform\":\"FACEBOOK_PAGE\",\"pageId\":\"" + PAGE + "\",\"externalId\":\"bench-" + run + "-" + n
                + "\",\"author\":{\"id\":\"a" + (n % 5000) + "\",\"name\":\"Auditeur " + (n % 5000) + "\"},\"text\":\""
                + TEXTS[n % TEXTS.length].replace("\"", "\\\"") + " #" + n + "\"}";
    }

    private String singleBody() {
        return message();
    }

    private String batchBody(int size) {
        StringBuilder body = new StringBuilder("{\"messages\":[");
        for (int i = 0; i < size; i++) {
            body.append(i == 0 ? "" : ",").append(message());
        }
        return body.append("]}").toString();
    }

    private static int count(String json, String key) {
        int at = json.indexOf(key);
        if (at < 0) {
            return 0;
        }
        int end = at + key.length();
        while (end < json.length() && Character.isDigit(json.charAt(end))) {
            end++;
        }
        return Integer.parseInt(json.substring(at + key.length(), end));
    }

    private static String token(String keycloak) throws Exception {
        String form = "grant_type=client_credentials&client_id=integration-radio-horizon&client_secret="
                + URLEncoder.encode("integration-radio-horizon-dev-secret", StandardCharsets.UTF_8);
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(keycloak + "/realms/vigie/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        int at = body.indexOf("\"access_token\":\"") + 16;
        return body.substring(at, body.indexOf('"', at));
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
