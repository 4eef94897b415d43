package app.vigie.intake.infrastructure;

import app.vigie.platform.signing.Secrets;
import app.vigie.platform.signing.Signatures;
import app.vigie.platform.request.RequestIds;
import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Delivers queued enforcement callbacks: signed POSTs to the client's URL, retried with exponential backoff and
 * jitter, marked {@code DEAD} after {@code vigie.callbacks.max-attempts}. Rows are leased (their next attempt
 * pushed into the future) before the HTTP call, so no database transaction stays open during it and several
 * instances never send the same delivery at once.
 */
@ApplicationScoped
public class CallbackSender {

    private static final Logger LOG = Logger.getLogger(CallbackSender.class);

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Secrets secrets;
    @Inject
    Clock clock;

    @ConfigProperty(name = "vigie.callbacks.base-delay", defaultValue = "PT10S")
    Duration baseDelay;
    @ConfigProperty(name = "vigie.callbacks.max-delay", defaultValue = "PT1H")
    Duration maxDelay;
    @ConfigProperty(name = "vigie.callbacks.max-attempts", defaultValue = "12")
    int maxAttempts;
    @ConfigProperty(name = "vigie.callbacks.timeout", defaultValue = "PT10S")
    Duration timeout;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private record Due(UUID id, String url, String payload, int attempts, String secretRef) {
    }

    @Scheduled(every = "${vigie.callbacks.poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, identity = "vigie-callback-sender")
    void deliverDue() {
        List<Due> due;
        try {
            due = lease();
        } catch (SQLException e) {
            LOG.warnf("callbacks: database unavailable, will retry: %s", e.getMessage());
            return;
        }
        for (Due delivery : due) {
            send(delivery);
        }
    }

    private List<Due> lease() throws SQLException {
        try (Connection db = dataSource.getConnection();
             PreparedStatement lease = db.prepareStatement("""
                     update callback_delivery d set next_attempt_at = now() + make_interval(secs => ?)
                       from community_copy c
                      where c.id = d.community_id
                        and d.id in (select id from callback_delivery
                                      where status = 'PENDING' and next_attempt_at <= now()
                                      order by next_attempt_at limit 50 for update skip locked)
                     returning d.id, d.url, d.payload, d.attempts, c.callback_secret_ref""")) {
            lease.setLong(1, timeout.toSeconds() * 3 + 30);
            List<Due> due = new ArrayList<>();
            try (ResultSet rs = lease.executeQuery()) {
                while (rs.next()) {
                    due.add(new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5)));
                }
            }
            return due;
        }
    }

    private void send(Due delivery) {
        int status = 0;
        String error = null;
        try {
            String secret = secrets.value(delivery.secretRef()).orElseThrow(() ->
                    new IllegalStateException("no value for the signing secret '" + delivery.secretRef() + "'"));
            HttpRequest request = Signatures.signedPost(URI.create(delivery.url()), "case.decided",
                            delivery.id().toString(), secret, delivery.payload(), clock.instant(), timeout)
                    .header(RequestIds.HEADER, delivery.id().toString())
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status < 200 || status >= 300) {
                error = "answered " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        record(delivery, status, error);
    }

    private void record(Due delivery, int status, String error) {
        int attempts = delivery.attempts() + 1;
        String sql = error == null
                ? "update callback_delivery set status = 'DELIVERED', attempts = ?, last_status = ?, last_error = null, delivered_at = now() where id = ?"
                : attempts >= maxAttempts
                ? "update callback_delivery set status = 'DEAD', attempts = ?, last_status = ?, last_error = ? where id = ?"
                : "update callback_delivery set attempts = ?, last_status = ?, last_error = ?, next_attempt_at = now() + make_interval(secs => ?) where id = ?";
        try (Connection db = dataSource.getConnection(); PreparedStatement update = db.prepareStatement(sql)) {
            update.setInt(1, attempts);
            update.setObject(2, status == 0 ? null : status);
            if (error == null) {
                update.setObject(3, delivery.id());
            } else if (attempts >= maxAttempts) {
                update.setString(3, error);
                update.setObject(4, delivery.id());
                LOG.warnf("callback %s is dead after %d attempts: %s", delivery.id(), attempts, error);
            } else {
                update.setString(3, error);
                update.setDouble(4, backoff(attempts).toMillis() / 1000.0);
                update.setObject(5, delivery.id());
            }
            update.executeUpdate();
        } catch (SQLException e) {
            // the lease expires and the delivery is tried again: at least once, never lost
            LOG.warnf("callbacks: could not record attempt of %s: %s", delivery.id(), e.getMessage());
        }
    }

    /** base × 2^(attempt-1), capped, with ±20 % jitter so that retries of many deliveries do not align. */
    Duration backoff(int attempt) {
        long millis = Math.min(maxDelay.toMillis(), baseDelay.toMillis() * (1L << Math.min(attempt - 1, 30)));
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (millis * jitter));
    }
}
