package app.vigie.scheduling.application;

import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.scheduling.PostDue;
import app.vigie.platform.signing.Secrets;
import app.vigie.platform.signing.Signatures;
import app.vigie.scheduling.infrastructure.JdbcWork;
import app.vigie.scheduling.infrastructure.JsonColumns;
import com.fasterxml.jackson.databind.JsonNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.quartz.Nonconcurrent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Hands due posts to the client's publishing endpoint (the community's callback address): a POST signed like every
 * call Vigie makes to client systems (docs/webhooks.md), retried with exponential backoff; a 2xx answer publishes
 * the post (with the external id and link the client may return), and a post still refused after the last attempt
 * is {@code FAILED} with the reason, where community managers see it (dead letter).
 */
@ApplicationScoped
public class Publisher {

    private static final Logger LOG = Logger.getLogger(Publisher.class);
    /** Posts leased per batch. */
    static final int BATCH = 100;

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Secrets secrets;
    @Inject
    Clock clock;
    @ConfigProperty(name = "vigie.publishing.timeout", defaultValue = "PT10S")
    Duration timeout;
    @ConfigProperty(name = "vigie.publishing.base-delay", defaultValue = "PT10S")
    Duration baseDelay;
    @ConfigProperty(name = "vigie.publishing.max-delay", defaultValue = "PT30M")
    Duration maxDelay;
    @ConfigProperty(name = "vigie.publishing.max-attempts", defaultValue = "8")
    int maxAttempts;
    /** Calls to client endpoints at once (each holds a database connection while it records its outcome). */
    @ConfigProperty(name = "vigie.publishing.parallel", defaultValue = "4")
    int parallel;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code leasedUntil}: the lease this attempt holds; its outcome is recorded only while it still holds it. */
    private record Attempt(UUID postId, UUID communityId, String tenant, String text, String media, Instant plannedAt,
                           String approvedBy, Instant approvedAt, Instant dueAt, int attempts, String url,
                           String secretRef, Instant leasedUntil) {
    }

    // one run at a time across the cluster (SKIP alone only holds within one instance)
    @Nonconcurrent
    @Scheduled(identity = "publish-posts", every = "${vigie.publishing.every:1s}")
    void run() {
        try {
            publishDue();
        } catch (RuntimeException e) {
            LOG.warnf(e, "publishing: pass failed, the next one retries");
        }
    }

    /**
     * One round: the due posts whose attempt has come, a batch at a time for up to five seconds, each batch sent
     * {@code parallel} calls at a time (one call at a time capped publishing at the batch size per second); returns
     * how many were tried.
     */
    public int publishDue() {
        int tried = 0;
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<Attempt> due;
        do {
            due = lease();
            sendAll(due);
            tried += due.size();
        } while (due.size() == BATCH && System.nanoTime() < until);
        return tried;
    }

    private void sendAll(List<Attempt> due) {
        Semaphore calls = new Semaphore(parallel);
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Attempt attempt : due) {
                calls.acquireUninterruptibly();
                senders.submit(() -> {
                    try {
                        send(attempt);
                    } finally {
                        calls.release();
                    }
                });
            }
        }
    }

    /** Takes the posts to try now, pushing their next attempt past the time a call may take (a crash retries them). */
    private List<Attempt> lease() {
        List<Attempt> due = new ArrayList<>();
        JdbcWork.inTransaction(dataSource, "publishing", c -> {
            try (PreparedStatement lease = c.prepareStatement("""
                    update post p set next_attempt_at = ?
                      from community_copy c
                     where c.id = p.community_id
                       and p.id in (select id from post where state = 'DUE' and next_attempt_at <= ?
                                     order by next_attempt_at limit ? for update skip locked)
                    returning p.id, p.community_id, p.tenant, p.text, p.media, p.planned_at, p.approved_by, p.approved_at,
                              p.due_at, p.attempts, c.callback_url, c.callback_secret_ref""")) {
                Instant now = clock.instant();
                // long enough for the whole batch at `parallel` calls at a time, each up to its timeout and connect time
                Instant leasedUntil = now.plus(timeout.plusSeconds(5).multipliedBy((BATCH + parallel - 1) / parallel))
                        .plusSeconds(30).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
                lease.setTimestamp(1, Timestamp.from(leasedUntil));
                lease.setTimestamp(2, Timestamp.from(now));
                lease.setInt(3, BATCH);
                try (ResultSet r = lease.executeQuery()) {
                    while (r.next()) {
                        due.add(new Attempt(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getString(3),
                                r.getString(4), r.getString(5), r.getTimestamp(6).toInstant(), r.getString(7),
                                r.getTimestamp(8).toInstant(), r.getTimestamp(9).toInstant(), r.getInt(10),
                                r.getString(11), r.getString(12), leasedUntil));
                    }
                }
            }
            return due.size();
        });
        return due;
    }

    private void send(Attempt attempt) {
        int status = 0;
        String error = null;
        String answer = null;
        try {
            if (attempt.url() == null || attempt.url().isBlank()) {
                throw new IllegalStateException("the community has no publishing address (callbackUrl)");
            }
            String secret = secrets.value(attempt.secretRef()).orElseThrow(() ->
                    new IllegalStateException("no value for the signing secret '" + attempt.secretRef() + "'"));
            String payload = EventPayloads.mapper().writeValueAsString(new PostDue(attempt.postId(),
                    attempt.communityId(), attempt.tenant(), attempt.text(),
                    JsonColumns.strings(attempt.media()), attempt.plannedAt(),
                    attempt.approvedBy(), attempt.approvedAt(), attempt.dueAt()));
            HttpResponse<String> response = http.send(Signatures.signedPost(URI.create(attempt.url()), "post.due",
                    attempt.postId().toString(), secret, payload, clock.instant(), timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            answer = response.body();
            if (status < 200 || status >= 300) {
                error = "the publishing endpoint answered " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        record(attempt, status, error, answer);
    }

    /** The outcome: published, failed for good, or tried again later. */
    private void record(Attempt attempt, int status, String error, String answer) {
        int attempts = attempt.attempts() + 1;
        Instant now = clock.instant();
        JdbcWork.inTransaction(dataSource, "publishing", c -> {
            String state = error == null ? "PUBLISHED" : attempts >= maxAttempts ? "FAILED" : null;
            try (PreparedStatement update = c.prepareStatement("""
                    update post set attempts = ?, last_status = ?, failure = ?, next_attempt_at = ?,
                                    state = coalesce(?, state), published_at = ?, external_id = ?, permalink = ?,
                                    updated_at = ?, version = version + 1
                     where id = ? and state = 'DUE' and next_attempt_at = ?""")) {
                update.setInt(1, attempts);
                update.setObject(2, status == 0 ? null : status);
                update.setString(3, error);
                update.setTimestamp(4, state != null ? null : Timestamp.from(now.plus(backoff(attempts))));
                update.setString(5, state);
                update.setTimestamp(6, "PUBLISHED".equals(state) ? Timestamp.from(now) : null);
                update.setString(7, field(answer, "externalId"));
                update.setString(8, field(answer, "permalink"));
                update.setTimestamp(9, Timestamp.from(now));
                update.setObject(10, attempt.postId());
                update.setTimestamp(11, Timestamp.from(attempt.leasedUntil()));
                if (update.executeUpdate() == 0) {
                    return 0; // the lease ran out and another pass took the post over: its outcome is that pass's
                }
            }
            if (state != null) {
                try (PreparedStatement history = c.prepareStatement("""
                        insert into post_history (post_id, at, actor, action, state, comment)
                        values (?, ?, 'vigie:publisher', ?, ?, ?)""")) {
                    history.setObject(1, attempt.postId());
                    history.setTimestamp(2, Timestamp.from(now));
                    history.setString(3, state);
                    history.setString(4, state);
                    history.setString(5, error == null ? null : error + " (after " + attempts + " attempts)");
                    history.executeUpdate();
                }
            }
            if (error != null) {
                LOG.warnf("publishing post %s, attempt %d: %s%s", attempt.postId(), attempts, error,
                        state == null ? "" : "; failed for good");
            }
            return 1;
        });
    }

    /** Exponential from the base delay, capped. */
    Duration backoff(int attempts) {
        Duration delay = baseDelay.multipliedBy(1L << Math.min(attempts - 1, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** A text field of the client's JSON answer, if it gave one. */
    private static String field(String answer, String name) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        try {
            JsonNode value = EventPayloads.mapper().readTree(answer).path(name);
            return value.isTextual() && value.asText().length() <= 2_000 ? value.asText() : null;
        } catch (Exception notJson) {
            return null;
        }
    }
}
