package app.vigie.registry.domain;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Someone to reach at a client company (escalations, legal notices, invoices). */
public record Contact(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        @Size(max = 40) String phone,
        @Size(max = 100) String role) {
}
