package app.vigie.gateway.request;

import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.problem.Problem;
import app.vigie.contracts.problem.ProblemKind;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;

/** Problem documents written by the gateway itself (the services write their own). */
public final class Problems {

    private Problems() {
    }

    public static Buffer body(ProblemKind kind, String detail, String instance, String requestId) {
        try {
            return Buffer.buffer(EventPayloads.mapper().writeValueAsBytes(Problem.of(kind, detail, instance, requestId)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void send(RoutingContext rc, ProblemKind kind, String detail) {
        if (rc.response().ended()) {
            return;
        }
        rc.response().setStatusCode(kind.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(body(kind, detail, rc.request().path(), RequestIdFilter.of(rc)));
    }
}
