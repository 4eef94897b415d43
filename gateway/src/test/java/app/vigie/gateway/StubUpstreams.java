package app.vigie.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;

/**
 * Real HTTP servers standing in for the services behind the gateway: {@code registry} (and webhooks) on a
 * recording echo server, {@code intake} on a port where nothing listens (a service that is down), and a
 * {@code /slow} path that never answers (a service that hangs).
 */
public class StubUpstreams implements QuarkusTestResourceLifecycleManager {

    /** What the echo server received. */
    public record Received(String method, String uri, Map<String, String> headers, String body) {
    }

    public static final ConcurrentLinkedDeque<Received> RECEIVED = new ConcurrentLinkedDeque<>();

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/slow")) {
                return; // never answers
            }
            if (request.path().equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end(OPENAPI);
                return;
            }
            request.body().onSuccess(body -> {
                Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                request.headers().forEach(h -> headers.put(h.getKey(), h.getValue()));
                RECEIVED.add(new Received(request.method().name(), request.uri(), headers, body.toString()));
                int status = request.path().equals("/created") ? 201 : 200;
                if (request.getHeader("X-Request-Id") != null) {
                    request.response().putHeader("X-Request-Id", request.getHeader("X-Request-Id")); // as services do
                }
                request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                        .putHeader("X-Upstream", "echo")
                        .end(new JsonObject().put("uri", request.uri()).put("method", request.method().name()).encode());
            });
        });
        try {
            server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        String echo = "http://127.0.0.1:" + server.actualPort();
        return Map.of(
                "vigie.gateway.routes.registry.url", echo,
                "vigie.gateway.routes.webhooks.url", echo,
                "vigie.gateway.routes.intake.url", "http://127.0.0.1:" + freePort(),
                "vigie.gateway.idle-timeout", "PT1S",
                "vigie.gateway.rate-limit.capacity", "20",
                "vigie.gateway.rate-limit.per-second", "2");
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final String OPENAPI = """
            {"openapi":"3.1.0","info":{"title":"registry","version":"1"},
             "paths":{"/communities":{"get":{"tags":["communities"],"responses":{"200":{"description":"ok",
               "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Me"}}}}}}}},
             "components":{"schemas":{"Me":{"type":"object","properties":{"community":{"type":"string"}}}}},
             "tags":[{"name":"communities"}]}""";
}
