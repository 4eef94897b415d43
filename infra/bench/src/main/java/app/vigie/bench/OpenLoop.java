package app.vigie.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Sends requests at a fixed arrival rate whatever the server does (open loop), over a pool of keep-alive
 * HTTP/1.1 connections, and records each latency from the moment the request was <em>due</em>: a stall on the
 * server shows in the figures instead of slowing the load down (no coordinated omission).
 *
 * <p>Built on one Vert.x event loop rather than the JDK client: at a few hundred requests per second the JDK
 * client's own queueing (one selector thread, connections opened on demand) added tens of milliseconds to the
 * tail, which was then charged to the service under test. Cross-checked with {@code wrk}: see docs/performance.md.
 * {@code BENCH_TIMELINE=1} prints the worst latency of each second, which is how a start-up transient of the
 * client itself was told apart from the service's tail.
 */
final class OpenLoop implements AutoCloseable {

    record Result(int sent, int errors, double seconds, Histogram latencyMicros) {

        String summary(String scenario, String target, int rate) {
            Histogram h = latencyMicros;
            return String.format(Locale.ROOT, "scenario=%s target=%s rate=%d/s requests=%d errors=%d seconds=%.2f "
                            + "achieved=%.0f req/s latencyMs p50=%.2f p95=%.2f p99=%.2f p99.9=%.2f max=%.2f",
                    scenario, target, rate, sent, errors, seconds, sent / seconds,
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(95) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0);
        }
    }

    private final String token;
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    private final HttpClient client;

    /**
     * One client for every run of this load, so that a measured run starts on connections (and client code) the
     * warm-up has already opened and compiled: a fresh client's first second showed as a 600 ms tail.
     */
    OpenLoop(URI target, String token, int connections) {
        this.token = token;
        this.client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setKeepAlive(true).setDefaultHost(target.getHost()).setDefaultPort(target.getPort()),
                new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    @Override
    public void close() {
        vertx.close();
    }

    /** POSTs {@code ratePerSecond × seconds} bodies to {@code path}; a request counts as failed unless {@code expectedStatus}. */
    Result post(String path, Supplier<String> body, int ratePerSecond, int seconds, int expectedStatus)
            throws InterruptedException {
        return post(i -> path, body, ratePerSecond, seconds, expectedStatus);
    }

    /** The same, the {@code i}-th request going to {@code pathOf.apply(i)} (one case after another, say). */
    Result post(java.util.function.IntFunction<String> pathOf, Supplier<String> body, int ratePerSecond, int seconds,
                int expectedStatus) throws InterruptedException {
        Histogram latency = new ConcurrentHistogram(120_000_000L, 3);
        int total = ratePerSecond * seconds;
        long interval = 1_000_000_000L / ratePerSecond;
        AtomicInteger errors = new AtomicInteger();
        AtomicLongArray worstPerSecond = new AtomicLongArray(seconds + 1); // by due time: shows when a tail happened
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime();
        int[] next = {0};
        // A 1 ms tick sends every request that has fallen due; each carries its own due time.
        vertx.setPeriodic(1, timer -> {
            long now = System.nanoTime();
            while (next[0] < total && start + next[0] * interval <= now) {
                int i = next[0]++;
                long due = start + i * interval;
                RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setURI(pathOf.apply(i))
                        .putHeader("Authorization", "Bearer " + token).putHeader("Content-Type", "application/json");
                client.request(options)
                        .compose(request -> request.send(Buffer.buffer(body.get())))
                        .compose(response -> response.body().map(ignored -> response.statusCode()))
                        .onComplete(outcome -> {
                            long micros = Math.max(0, (System.nanoTime() - due) / 1000);
                            latency.recordValue(micros);
                            worstPerSecond.accumulateAndGet((int) ((due - start) / 1_000_000_000L), micros, Math::max);
                            if (outcome.failed() || outcome.result() != expectedStatus) {
                                errors.incrementAndGet();
                            }
                            done.countDown();
                        });
            }
            if (next[0] == total) {
                vertx.cancelTimer(timer);
            }
        });
        boolean finished = done.await(seconds + 120L, TimeUnit.SECONDS);
        double elapsed = (System.nanoTime() - start) / 1e9;
        if (System.getenv("BENCH_TIMELINE") != null) {
            StringBuilder line = new StringBuilder("worst latency per second of the run (ms):");
            for (int i = 0; i < seconds; i++) {
                line.append(' ').append(worstPerSecond.get(i) / 1000);
            }
            System.out.println(line);
        }
        return new Result(total, errors.get() + (int) (finished ? 0 : done.getCount()), elapsed, latency);
    }
}
