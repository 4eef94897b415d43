package app.vigie.gateway.request;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * Gives every request entering Vigie its {@code X-Request-Id}: the caller's when well-formed, a new one otherwise.
 * It is set on the request before it is forwarded, so the services log and propagate the same id, and returned
 * on the response.
 */
@ApplicationScoped
public class RequestIdFilter {

    public static final String HEADER = "X-Request-Id";
    private static final String KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String candidate = rc.request().getHeader(HEADER);
            String id = candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
            rc.request().headers().set(HEADER, id);
            rc.put(KEY, id);
            MDC.put(KEY, id);
            rc.response().headers().set(HEADER, id);
            rc.next();
        }, 10_000);
    }

    public static String of(RoutingContext rc) {
        Object id = rc.get(KEY);
        return id == null ? null : id.toString();
    }
}
