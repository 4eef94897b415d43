package app.vigie.platform.request;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import app.vigie.contracts.RequestId;
import org.jboss.logging.MDC;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is sane, a new one otherwise. The id is
 * returned on the response, put in the logging MDC (so every log line of the request carries it), passed on
 * to outgoing HTTP calls ({@link RequestIdPropagation}) and recorded as the correlation id of published events.
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = RequestId.HEADER;
    public static final String MDC_KEY = "requestId";

    void register(@Observes Filters filters) {
        filters.register(rc -> {
            String id = accept(rc.request().getHeader(HEADER));
            rc.request().headers().set(HEADER, id);
            rc.put(MDC_KEY, id);
            MDC.put(MDC_KEY, id);
            rc.response().headers().set(HEADER, id);
            rc.next();
        }, 10_000);
    }

    /** The id to use for a value received from outside: kept when it is well-formed, replaced otherwise. */
    public static String accept(String candidate) {
        return RequestId.accept(candidate);
    }

    /** The id of the request or event being handled on this thread or Vert.x context, or {@code null}. */
    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** For work that does not start from an HTTP request: a consumed event carries its correlation id. */
    public static void use(String id) {
        if (id == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, id);
        }
    }
}
