package app.vigie.gateway.routing;

import app.vigie.contracts.problem.Problem;
import app.vigie.contracts.problem.ProblemKind;
import app.vigie.gateway.request.Problems;
import app.vigie.gateway.request.RequestIdFilter;
import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * Turns a failure to reach an upstream into a problem document instead of the proxy's empty 502: refused
 * connection → 503 (the service is down, retry later), silence past the idle timeout → 504, anything else → 502.
 */
class UpstreamFailures implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamFailures.class);

    private final String upstream;

    UpstreamFailures(String upstream) {
        this.upstream = upstream;
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        return context.sendRequest().recover(failure -> {
            ProblemKind kind = classify(failure);
            HttpServerRequest incoming = context.request().proxiedRequest();
            String requestId = incoming.getHeader(RequestIdFilter.HEADER);
            LOG.warnf("upstream %s failed for %s %s (request %s): %s", upstream, incoming.method(), incoming.path(),
                    requestId, failure.toString());
            ProxyResponse response = context.request().release().response()
                    .setStatusCode(kind.status())
                    .setStatusMessage(kind.title())
                    .setBody(Body.body(Problems.body(kind, detail(kind), incoming.path(), requestId)));
            response.headers().clear();
            response.putHeader("Content-Type", Problem.MEDIA_TYPE);
            if (kind == ProblemKind.UNAVAILABLE) {
                response.putHeader("Retry-After", "5");
            }
            return Future.succeededFuture(response);
        });
    }

    private String detail(ProblemKind kind) {
        return switch (kind) {
            case UNAVAILABLE -> "the " + upstream + " service is not available; retry shortly";
            case GATEWAY_TIMEOUT -> "the " + upstream + " service did not answer in time";
            default -> "the " + upstream + " service could not be reached";
        };
    }

    private static ProblemKind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return ProblemKind.UNAVAILABLE;
            }
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return ProblemKind.GATEWAY_TIMEOUT;
            }
        }
        return ProblemKind.BAD_GATEWAY;
    }
}
