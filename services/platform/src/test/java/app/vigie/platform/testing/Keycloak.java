package app.vigie.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the Keycloak server that {@code ./vigie test} started (realm {@code vigie}), for the
 * demo users and clients of {@code infra/keycloak/vigie-realm.json}. Tokens are cached until shortly before
 * they expire.
 */
public final class Keycloak {

    public static final String DEMO_PASSWORD = "vigie-demo";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Token> CACHE = new ConcurrentHashMap<>();

    private record Token(String value, Instant expires) {
    }

    private Keycloak() {
    }

    public static String baseUrl() {
        return env("VIGIE_KEYCLOAK_URL");
    }

    /** Settings come from infra/defaults.env through ./vigie, the one place where they are defined. */
    static String env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set: run the tests through ./vigie test");
        }
        return value;
    }

    public static String issuer() {
        return baseUrl() + "/realms/vigie";
    }

    /** An access token of a demo user, e.g. {@code moderator.horizon} or {@code staff.admin}. */
    public static String tokenFor(String username) {
        return cached("user:" + username, () -> request(issuer() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "vigie-cli", "username", username, "password", DEMO_PASSWORD)));
    }

    /** A client-credentials token, e.g. for {@code integration-radio-horizon} or {@code vigie-intake}. */
    public static String clientToken(String clientId) {
        return cached("client:" + clientId, () -> request(issuer() + "/protocol/openid-connect/token", Map.of(
                "grant_type", "client_credentials", "client_id", clientId, "client_secret", clientId + "-dev-secret")));
    }

    /**
     * A real token of realm vigie that has already expired: issued by a client whose tokens live one second
     * (created through the admin API on first use), then waited out.
     */
    public static String expiredToken() {
        try {
            String admin = request(baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "admin-cli",
                    "username", env("VIGIE_KEYCLOAK_ADMIN"), "password", env("VIGIE_KEYCLOAK_ADMIN_PASSWORD")))
                    .get("access_token").asText();
            String client = """
                    {"clientId":"vigie-expiry-probe","secret":"vigie-expiry-probe-dev-secret","enabled":true,
                     "publicClient":false,"serviceAccountsEnabled":true,"standardFlowEnabled":false,
                     "defaultClientScopes":["vigie-api","roles","basic"],
                     "attributes":{"access.token.lifespan":"1"}}""";
            HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/admin/realms/vigie/clients"))
                    .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(client)).build(), HttpResponse.BodyHandlers.ofString());
            if (created.statusCode() != 201 && created.statusCode() != 409) {
                throw new IOException("creating the expiry probe client answered " + created.statusCode() + ": " + created.body());
            }
            JsonNode issued = request(issuer() + "/protocol/openid-connect/token", Map.of("grant_type", "client_credentials",
                    "client_id", "vigie-expiry-probe", "client_secret", "vigie-expiry-probe-dev-secret"));
            String token = issued.get("access_token").asText();
            long expires = claims(token).get("exp").asLong();
            while (Instant.now().getEpochSecond() <= expires + 1) {
                Thread.sleep(250);
            }
            return token;
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not obtain an expired token from Keycloak", e);
        }
    }

    /** The decoded claims of a token's payload. */
    public static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private interface Fetch {
        JsonNode get() throws IOException, InterruptedException;
    }

    private static String cached(String key, Fetch fetch) {
        Token token = CACHE.get(key);
        if (token == null || token.expires().isBefore(Instant.now().plusSeconds(30))) {
            try {
                JsonNode body = fetch.get();
                token = new Token(body.get("access_token").asText(),
                        Instant.now().plusSeconds(body.get("expires_in").asLong()));
                CACHE.put(key, token);
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException("Keycloak at " + baseUrl() + " did not issue a token for " + key
                        + "; is it running (./vigie test starts it)?", e);
            }
        }
        return token.value();
    }

    private static JsonNode request(String url, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token request answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
