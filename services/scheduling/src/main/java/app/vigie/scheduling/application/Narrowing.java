package app.vigie.scheduling.application;

import io.quarkus.panache.common.Parameters;
import java.util.Optional;
import java.util.UUID;

/** The conditions a listing adds for the company it is read for and the community it is narrowed to. */
final class Narrowing {

    private Narrowing() {
    }

    static void to(StringBuilder query, Parameters parameters, Optional<String> tenant, Optional<UUID> community) {
        tenant.ifPresent(t -> {
            query.append(" and tenant = :tenant");
            parameters.and("tenant", t);
        });
        community.ifPresent(c -> {
            query.append(" and communityId = :community");
            parameters.and("community", c);
        });
    }
}
