package app.vigie.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import java.net.URI;

/**
 * Rewrites a request for its upstream: strips the gateway prefix ({@code /api/registry/communities} →
 * {@code /communities}) and adds the {@code X-Forwarded-*} headers. The bearer token and {@code X-Request-Id}
 * pass on unchanged; the proxy itself removes hop-by-hop headers.
 */
class Forwarding implements ProxyInterceptor {

    private final String prefix;
    private final String upstreamPrefix;
    private final String upstreamHost;

    Forwarding(String prefix, String upstreamPrefix, URI upstream) {
        this.prefix = prefix;
        this.upstreamPrefix = upstreamPrefix;
        this.upstreamHost = upstream.getAuthority();
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest incoming = request.proxiedRequest();
        request.setURI(rewrite(request.getURI()));
        request.setAuthority(io.vertx.core.net.HostAndPort.authority(hostOf(upstreamHost), portOf(upstreamHost)));
        String forwardedFor = incoming.getHeader("X-Forwarded-For");
        String client = incoming.remoteAddress() == null ? "unknown" : incoming.remoteAddress().hostAddress();
        request.headers()
                .set("X-Forwarded-For", forwardedFor == null ? client : forwardedFor + ", " + client)
                .set("X-Forwarded-Proto", incoming.scheme() == null ? "http" : incoming.scheme())
                .set("X-Forwarded-Host", incoming.authority() == null ? "" : incoming.authority().toString())
                .set("X-Forwarded-Prefix", prefix);
        return context.sendRequest();
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        // The gateway already answers with the request's id; the service's copy would make a second header.
        context.response().headers().remove(app.vigie.contracts.RequestId.HEADER);
        return context.sendResponse();
    }

    String rewrite(String uri) {
        String rest = uri.substring(prefix.length());
        if (rest.isEmpty() || rest.startsWith("?")) {
            rest = "/" + rest;
        }
        return upstreamPrefix + rest;
    }

    private static String hostOf(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? authority : authority.substring(0, colon);
    }

    private static int portOf(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon < 0 ? 80 : Integer.parseInt(authority.substring(colon + 1));
    }
}
