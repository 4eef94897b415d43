package app.vigie.gateway.request;

import app.vigie.contracts.RequestId;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.MDC;

/**
 * Gives every request entering Vigie its {@code X-Request-Id}: the caller's when well-formed, a new one otherwise.
 * It is set on the request before it is forwarded, so the services log and propagate the same id, and returned
 * on the response.
 */
@ApplicationScoped
public class RequestIdFilter {

    public static final String HEADER = RequestId.HEADER;
    private static final String KEY = "requestId";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = RequestId.accept(rc.request().getHeader(HEADER));
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
