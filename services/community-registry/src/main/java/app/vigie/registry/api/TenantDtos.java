package app.vigie.registry.api;

import app.vigie.registry.domain.Contact;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response shapes of {@code /tenants}. */
public final class TenantDtos {

    private TenantDtos() {
    }

    public static final String SLUG = "[a-z0-9][a-z0-9-]{1,62}";

    @Schema(name = "TenantCreate", description = "A new client company (tenant).")
    public record Create(
            @NotBlank @Pattern(regexp = SLUG, message = "lower-case letters, digits and hyphens, 2 to 63 characters")
            @Schema(examples = "radio-horizon") String slug,
            @NotBlank @Size(max = 200) @Schema(examples = "Radio Horizon") String name,
            @NotBlank @Size(max = 300) @Schema(description = "Named as the service provider in DSA statements of reasons",
                    examples = "Radio Horizon SAS") String legalName,
            @Valid @Size(max = 50) List<@NotNull Contact> contacts) {
    }

    @Schema(name = "TenantUpdate")
    public record Update(
            @NotBlank @Size(max = 200) String name,
            @NotBlank @Size(max = 300) String legalName,
            @Valid @Size(max = 50) List<@NotNull Contact> contacts) {
    }

    @Schema(name = "Tenant")
    public record View(UUID id, String slug, String name, String legalName, String status, List<Contact> contacts,
                       long version, Instant createdAt, Instant updatedAt) {
    }
}
