package app.vigie.gateway.openapi;

import app.vigie.gateway.routing.GatewayConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /openapi}: one OpenAPI document for every service behind the gateway (and the gateway's own
 * endpoints), built from each upstream's {@code /q/openapi}. A service that is down is listed under
 * {@code x-vigie-unavailable} instead of failing the whole document. Cached briefly.
 */
@Path("/openapi")
@ApplicationScoped
public class MergedOpenApiResource {

    private static final Duration CACHE_FOR = Duration.ofSeconds(30);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(3);

    @Inject
    GatewayConfig config;
    @Inject
    Vertx vertx;

    private final ObjectMapper json = new ObjectMapper();
    private final OpenApiMerger merger = new OpenApiMerger();
    private WebClient client;
    private volatile ObjectNode cached;
    private volatile Instant cachedAt = Instant.EPOCH;

    @PostConstruct
    void init() {
        client = WebClient.create(vertx);
    }

    private record Fetched(OpenApiMerger.Source source, String unavailable) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<ObjectNode> merged(@Context HttpServerRequest request) {
        ObjectNode current = cached;
        if (current != null && cachedAt.plus(CACHE_FOR).isAfter(Instant.now())) {
            return Uni.createFrom().item(current);
        }
        List<Uni<Fetched>> fetches = new ArrayList<>();
        fetches.add(fetch("gateway", "", URI.create("http://127.0.0.1:" + request.localAddress().port())));
        config.routes().forEach((name, route) -> {
            if (route.openapi()) {
                fetches.add(fetch(name, route.prefix(), URI.create(route.url())));
            }
        });
        return Uni.join().all(fetches).andFailFast().map(all -> {
            List<OpenApiMerger.Source> sources = all.stream().filter(f -> f.source() != null).map(Fetched::source)
                    .toList();
            List<String> unavailable = all.stream().filter(f -> f.unavailable() != null).map(Fetched::unavailable)
                    .sorted().toList();
            ObjectNode merged = merger.merge(sources, unavailable);
            cached = merged;
            cachedAt = Instant.now();
            return merged;
        });
    }

    private Uni<Fetched> fetch(String name, String prefix, URI base) {
        return client.get(base.getPort() == -1 ? 80 : base.getPort(), base.getHost(), "/q/openapi?format=json")
                .timeout(FETCH_TIMEOUT.toMillis())
                .send()
                .map(response -> {
                    if (response.statusCode() != 200) {
                        return new Fetched(null, name);
                    }
                    try {
                        JsonNode document = json.readTree(response.bodyAsString());
                        return new Fetched(new OpenApiMerger.Source(name, prefix, document), null);
                    } catch (Exception e) {
                        return new Fetched(null, name);
                    }
                })
                .onFailure().recoverWithItem(new Fetched(null, name));
    }
}
