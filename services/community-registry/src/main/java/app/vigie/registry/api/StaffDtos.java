package app.vigie.registry.api;

import app.vigie.contracts.community.StaffRole;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response shapes of {@code /staff}, {@code /teams} and assignments. */
public final class StaffDtos {

    private StaffDtos() {
    }

    @Schema(name = "StaffRequest")
    public record Request(
            @NotBlank @Size(max = 100) @Schema(description = "Keycloak subject (sub) of the person") String subject,
            @NotBlank @Size(max = 200) String displayName,
            @Email @Size(max = 320) String email,
            @Pattern(regexp = TenantDtos.SLUG) @Schema(description = "Absent for agency staff") String tenant,
            @NotNull @Size(max = 20) @Schema(description = "Languages the person reads, ISO 639-1") List<String> languages) {
    }

    @Schema(name = "StaffMember")
    public record View(UUID id, String subject, String displayName, String email, String tenant,
                       List<String> languages, String status, long version, Instant createdAt, Instant updatedAt) {
    }

    @Schema(name = "TeamRequest")
    public record TeamRequest(
            @Pattern(regexp = TenantDtos.SLUG) @Schema(description = "Absent for agency teams") String tenant,
            @NotBlank @Size(max = 200) String name,
            @NotNull @Size(max = 500) List<@NotNull UUID> members) {
    }

    @Schema(name = "Team")
    public record TeamView(UUID id, String tenant, String name, List<UUID> members, String status, long version) {
    }

    @Schema(name = "AssignmentRequest", description = "Exactly one of staffId and teamId.")
    public record AssignmentRequest(UUID staffId, UUID teamId, @NotNull StaffRole role) {
    }

    @Schema(name = "Assignment")
    public record AssignmentView(UUID id, UUID communityId, UUID staffId, UUID teamId, StaffRole role,
                                 Instant createdAt, String createdBy) {
    }
}
