package app.vigie.gateway.security;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Who the gateway sees: front ends call it after sign-in to learn the user's roles and tenant. */
@Path("/api/me")
@Tag(name = "gateway")
public class MeResource {

    /** The caller as the gateway read the token. {@code tenant} is absent for platform staff. */
    public record Me(String subject, String username, Set<String> roles, String tenant) {
    }

    @Inject
    SecurityIdentity identity;

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The signed-in caller: subject, username, Vigie roles and tenant")
    public Me me() {
        JsonWebToken jwt = (JsonWebToken) identity.getPrincipal();
        Object tenant = jwt.getClaim("tenant");
        return new Me(jwt.getSubject(), jwt.getClaim("preferred_username"),
                new TreeSet<>(identity.getRoles().stream().filter(VigieRoles::isVigieRole).toList()),
                tenant == null ? null : tenant.toString());
    }
}
