package app.vigie.moderation.audit;

import java.time.Instant;

/**
 * What auditors and operators did to the record itself. Stored in the event store beside the case events (Axon
 * keeps an event that belongs to no case under its own id), so that they are chained and replayed like them.
 */
public final class AuditEvents {

    private AuditEvents() {
    }

    /** Someone exported a tenant's events; {@code personalData}: with authors' personal data unmasked. */
    public record EventsExported(String tenant, String exportedBy, String role, Instant from, Instant to,
                                 boolean personalData, Instant exportedAt) {
    }

    /** An operator reset a projection, which was then rebuilt from the events. */
    public record ProjectionReset(String tenant, String processor, String resetBy, Instant resetAt) {
    }
}
