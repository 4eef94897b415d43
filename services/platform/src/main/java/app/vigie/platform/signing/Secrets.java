package app.vigie.platform.signing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Resolves the secret references that communities carry (the registry stores names, never values) to their
 * values: the property {@code vigie.secret."<name>"} when set (tests set theirs), else the environment variable
 * {@code VIGIE_SECRET_<NAME>} (name upper-cased, other characters as {@code _}; in Kubernetes, from a Secret).
 */
@ApplicationScoped
public class Secrets {

    private final Config config = ConfigProvider.getConfig();

    public Optional<String> value(String reference) {
        if (reference == null || reference.isBlank()) {
            return Optional.empty();
        }
        Optional<String> configured = config.getOptionalValue("vigie.secret.\"" + reference + "\"", String.class);
        if (configured.isPresent()) {
            return configured;
        }
        String variable = "VIGIE_SECRET_" + reference.toUpperCase().replaceAll("[^A-Z0-9]", "_");
        return Optional.ofNullable(System.getenv(variable)).filter(value -> !value.isEmpty());
    }
}
