package app.vigie.intake.api;

import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.problem.ProblemKind;
import app.vigie.intake.application.Ingestion;
import app.vigie.intake.infrastructure.CommunityCopyEntity;
import app.vigie.platform.signing.Secrets;
import app.vigie.platform.signing.Signatures;
import app.vigie.platform.problem.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/**
 * Platforms push here without a token (the gateway forwards {@code /webhooks/**} as it is): every request proves
 * itself by an HMAC signature over its raw body, checked before anything is read or stored.
 */
@Path("/webhooks")
@Tag(name = "webhooks", description = "Signed deliveries from platforms and client sites")
public class WebhookResource {

    private static final Logger LOG = Logger.getLogger(WebhookResource.class);

    @Inject
    Secrets secrets;
    @Inject
    Submissions submissions;
    @Inject
    Ingestion ingestion;
    @Inject
    Clock clock;
    @ConfigProperty(name = "vigie.facebook.app-secret-ref", defaultValue = "facebook-app-secret")
    String facebookAppSecretRef;
    @ConfigProperty(name = "vigie.webhook.replay-window", defaultValue = "PT5M")
    Duration replayWindow;

    /** Facebook's subscription handshake: echo the challenge when the verify token is the community's. */
    @GET
    @Path("/facebook/{community}")
    @PermitAll
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Facebook subscription handshake (hub.mode=subscribe, hub.verify_token, hub.challenge)")
    @WithSession
    public Uni<String> handshake(@PathParam("community") UUID communityId, @QueryParam("hub.mode") String mode,
                                 @QueryParam("hub.verify_token") String verifyToken,
                                 @QueryParam("hub.challenge") String challenge) {
        return CommunityCopyEntity.<CommunityCopyEntity>findById(communityId).map(community -> {
            String expected = community == null ? null : secrets.value(community.webhookVerifyTokenRef).orElse(null);
            if (!"subscribe".equals(mode) || expected == null || verifyToken == null
                    || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), verifyToken.getBytes(StandardCharsets.UTF_8))) {
                throw ProblemException.forbidden("the verify token does not match this community's");
            }
            if (challenge == null || challenge.isEmpty() || challenge.length() > 200) {
                throw ProblemException.invalid("query.hub.challenge", "required, at most 200 characters");
            }
            return challenge;
        });
    }

    /** Facebook Pages feed changes: comments added, edited or removed. */
    @POST
    @Path("/facebook/{community}")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Facebook Pages webhook (X-Hub-Signature-256: sha256=HMAC-SHA256 of the raw body with the app secret)")
    public Uni<Map<String, Integer>> facebook(@PathParam("community") UUID communityId,
                                              @HeaderParam("X-Hub-Signature-256") String signature, byte[] body) {
        String secret = secrets.value(facebookAppSecretRef)
                .orElseThrow(() -> new IllegalStateException("no Facebook app secret configured (" + facebookAppSecretRef + ")"));
        if (!Signatures.matches(signature, secret, body == null ? new byte[0] : body)) {
            throw unauthenticated("missing or wrong X-Hub-Signature-256");
        }
        JsonNode root = json(body);
        List<Ingestion.Change> changes = new ArrayList<>();
        int ignored = 0;
        JsonNode entries = root.path("entry");
        for (int e = 0; e < entries.size(); e++) {
            JsonNode entry = entries.get(e);
            JsonNode list = entry.path("changes");
            for (int c = 0; c < list.size(); c++) {
                JsonNode value = list.get(c).path("value");
                String prefix = "body.entry[" + e + "].changes[" + c + "].value.";
                if (!"feed".equals(list.get(c).path("field").asText()) || !"comment".equals(value.path("item").asText())) {
                    ignored++;
                    continue;
                }
                Ingestion.Change change = facebookChange(communityId, entry.path("id").asText(), value, e * 1000 + c, prefix);
                if (change == null) {
                    ignored++;
                } else {
                    changes.add(change);
                }
            }
        }
        int skipped = ignored;
        // the signature proved the platform; the community comes from the path
        return ingestion.apply(changes, tenant -> true).map(outcomes -> Map.of(
                "stored", (int) outcomes.stream().filter(o -> o.problem() == null && o.created()).count(),
                "duplicates", (int) outcomes.stream().filter(o -> o.problem() == null && !o.created()).count(),
                "refused", (int) outcomes.stream().filter(o -> o.problem() != null).count(),
                "ignored", skipped));
    }

    private Ingestion.Change facebookChange(UUID communityId, String pageId, JsonNode value, int index, String prefix) {
        String verb = value.path("verb").asText();
        ObjectNode message = EventPayloads.mapper().createObjectNode();
        message.put("communityId", communityId.toString());
        message.put("externalId", value.path("comment_id").asText(null));
        message.put("threadId", value.path("post_id").asText(null));
        message.put("parentId", value.path("parent_id").asText(null));
        message.putObject("author").put("id", value.path("from").path("id").asText(null))
                .put("name", value.path("from").path("name").asText(null));
        message.put("text", value.path("message").asText(""));
        if (value.path("created_time").canConvertToLong()) {
            message.put("postedAt", OffsetDateTime.ofInstant(Instant.ofEpochSecond(value.path("created_time").asLong()),
                    ZoneOffset.UTC).toString());
        }
        Submissions.Checked checked = submissions.check(index, prefix, message);
        if (checked.problem() != null) {
            LOG.warnf("facebook webhook for community %s (page %s): %s refused: %s", communityId, pageId, prefix,
                    checked.problem().getMessage());
            return null;
        }
        return switch (verb) {
            case "add" -> new Ingestion.Add(checked.submitted());
            case "edited" -> new Ingestion.Edit(checked.submitted());
            case "remove" -> new Ingestion.Remove(checked.submitted());
            default -> null;
        };
    }

    /**
     * Client web sites and forums: {@code X-Vigie-Timestamp} (Unix seconds) and {@code X-Vigie-Signature:
     * sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>" with the community's signing secret>}; a request
     * outside five minutes of now is refused, so a captured request cannot be replayed later. Body: the batch
     * shape, {@code {"messages":[...]}}, the community taken from the path.
     */
    @POST
    @Path("/sites/{community}")
    @PermitAll
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Signed webhook for client sites and forums (see docs/webhooks.md)")
    public Uni<MessageDtos.BatchResult> site(@PathParam("community") UUID communityId,
                                             @HeaderParam("X-Vigie-Timestamp") String timestamp,
                                             @HeaderParam("X-Vigie-Signature") String signature, byte[] body) {
        return secretOf(communityId).chain(secret -> {
            long sentAt;
            try {
                sentAt = Long.parseLong(timestamp == null ? "" : timestamp.strip());
            } catch (NumberFormatException e) {
                throw unauthenticated("X-Vigie-Timestamp must be Unix seconds");
            }
            if (Math.abs(clock.instant().getEpochSecond() - sentAt) > replayWindow.toSeconds()) {
                throw unauthenticated("X-Vigie-Timestamp is outside the " + replayWindow.toMinutes() + "-minute window");
            }
            byte[] raw = body == null ? new byte[0] : body;
            byte[] signed = new byte[timestamp.strip().length() + 1 + raw.length];
            byte[] ts = (timestamp.strip() + ".").getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(ts, 0, signed, 0, ts.length);
            System.arraycopy(raw, 0, signed, ts.length, raw.length);
            if (secret == null || !Signatures.matches(signature, secret, signed)) {
                throw unauthenticated("missing or wrong X-Vigie-Signature");
            }
            JsonNode messages = json(raw).path("messages");
            if (!messages.isArray()) {
                throw ProblemException.invalid("body.messages", "must be an array of messages");
            }
            if (messages.size() > MessageDtos.MAX_BATCH) {
                throw ProblemException.tooLarge("at most " + MessageDtos.MAX_BATCH + " messages per delivery");
            }
            List<MessageDtos.ItemResult> refused = new ArrayList<>();
            List<Ingestion.Submitted> accepted = new ArrayList<>();
            for (int i = 0; i < messages.size(); i++) {
                JsonNode item = messages.get(i);
                if (item.isObject()) {
                    ((ObjectNode) item).put("communityId", communityId.toString());
                }
                Submissions.Checked checked = submissions.check(i, "body.messages[" + i + "].", item);
                if (checked.problem() != null) {
                    refused.add(new MessageDtos.ItemResult(i, "invalid", null, null, Submissions.problemOf(checked.problem())));
                } else {
                    accepted.add(checked.submitted());
                }
            }
            return MessageResource.results(refused, accepted.isEmpty() ? Uni.createFrom().item(List.of())
                    : ingestion.apply(accepted.stream().<Ingestion.Change>map(Ingestion.Add::new).toList(), tenant -> true));
        });
    }

    @WithSession
    Uni<String> secretOf(UUID communityId) {
        return CommunityCopyEntity.<CommunityCopyEntity>findById(communityId)
                .map(c -> c == null ? null : secrets.value(c.callbackSecretRef).orElse(null));
    }

    private static JsonNode json(byte[] body) {
        try {
            JsonNode root = EventPayloads.mapper().readTree(body);
            if (root == null || !root.isObject()) {
                throw ProblemException.invalid("body", "must be a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new ProblemException(ProblemKind.MALFORMED_JSON, "the body is not well-formed JSON");
        }
    }

    private static ProblemException unauthenticated(String detail) {
        return new ProblemException(ProblemKind.UNAUTHENTICATED, detail);
    }

}
