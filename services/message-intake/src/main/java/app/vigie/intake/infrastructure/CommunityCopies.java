package app.vigie.intake.infrastructure;

import app.vigie.contracts.EventEnvelope;
import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.community.CommunitySnapshot;
import app.vigie.platform.messaging.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.stream.Collectors;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Keeps {@code community_copy} from the registry's snapshots: a snapshot replaces the copy when its revision is
 * newer, so a redelivered or late event never rolls a community back.
 */
@ApplicationScoped
public class CommunityCopies {

    private static final Logger LOG = Logger.getLogger(CommunityCopies.class);
    static final String CONSUMER = "message-intake.community-copy";

    @Inject
    IdempotentConsumer once;
    @Inject
    Clock clock;

    @Incoming("community-events")
    public Uni<Void> consume(byte[] body) {
        EventEnvelope event = IdempotentConsumer.envelope(body);
        CommunitySnapshot snapshot = EventPayloads.read(event, CommunitySnapshot.class);
        return once.applyOnce(CONSUMER, event, () -> apply(snapshot)).replaceWithVoid();
    }

    Uni<Void> apply(CommunitySnapshot s) {
        return CommunityCopyEntity.<CommunityCopyEntity>findById(s.communityId()).chain(existing -> {
            if (existing != null && existing.revision >= s.revision()) {
                LOG.debugf("community %s: snapshot revision %d is not newer than %d, ignored", s.communityId(),
                        s.revision(), existing.revision);
                return Uni.createFrom().voidItem();
            }
            CommunityCopyEntity copy = existing == null ? new CommunityCopyEntity() : existing;
            copy.id = s.communityId();
            copy.tenant = s.tenant();
            copy.platform = s.platform();
            copy.externalId = s.externalId();
            copy.languages = String.join(",", s.languages());
            copy.moderationMode = s.moderationMode();
            copy.status = s.status();
            copy.callbackUrl = s.callbackUrl();
            copy.callbackSecretRef = s.callbackSecretRef();
            copy.webhookVerifyTokenRef = s.webhookVerifyTokenRef();
            copy.blockedTerms = json(s.policy().blockedTerms());
            copy.allowedTerms = json(s.policy().allowedTerms());
            copy.autoHideThreshold = BigDecimal.valueOf(s.policy().autoHideThreshold());
            copy.policyVersion = s.policy().version();
            copy.staffSubjects = s.staff().stream().map(CommunitySnapshot.AssignedStaff::subject).distinct()
                    .collect(Collectors.joining(",", ",", ","));
            copy.revision = s.revision();
            copy.copiedAt = clock.instant();
            return copy.persist().replaceWithVoid();
        });
    }

    private static String json(Object value) {
        try {
            return EventPayloads.mapper().writeValueAsString(value == null ? java.util.Map.of() : value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
