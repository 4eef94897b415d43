package app.vigie.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.httpproxy.OriginRequestProvider;
import io.vertx.httpproxy.ProxyContext;
import java.net.URI;
import java.time.Duration;

/** Opens the request to one upstream service, with the idle timeout after which the gateway gives up (504). */
record Upstream(String name, URI url, Duration idleTimeout) implements OriginRequestProvider {

    @Override
    public Future<HttpClientRequest> create(ProxyContext context) {
        return context.client().request(new RequestOptions()
                .setHost(url.getHost())
                .setPort(url.getPort() == -1 ? 80 : url.getPort())
                .setIdleTimeout(idleTimeout.toMillis()));
    }
}
