package app.vigie.moderation.infrastructure;

import app.vigie.platform.id.UuidV7;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's identifiers (of events, commands, units of work) as UUID v7, found by Axon through
 * {@code META-INF/services}. Event ids carry a unique index: time-ordered ids add to its right edge, random ones
 * each dirty a random page of an index that outgrows the buffer cache as the store grows.
 */
public final class TimeOrderedIds extends IdentifierFactory {

    @Override
    public String generateIdentifier() {
        return UuidV7.generate().toString();
    }
}
