package app.vigie.intake.application;

import app.vigie.contracts.EventPayloads;
import app.vigie.intake.infrastructure.CommunityCopyEntity;
import app.vigie.intake.triage.Triage;
import app.vigie.intake.triage.TriageInput;
import app.vigie.intake.triage.Triager;
import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The triage engine, built once at start-up (lexicons and language models load here, not on a request). */
@Startup
@ApplicationScoped
public class TriageEngine {

    private static final TypeReference<Map<String, List<String>>> TERMS = new TypeReference<>() { };

    private Triager triager;

    @PostConstruct
    void load() {
        triager = Triager.standard();
    }

    public Triage assess(String text, CommunityCopyEntity community, int recentRepeats) {
        return triager.assess(new TriageInput(text, Arrays.asList(community.languages.split(",")),
                terms(community.blockedTerms), terms(community.allowedTerms), recentRepeats));
    }

    private static Map<String, List<String>> terms(String json) {
        try {
            return json == null ? Map.of() : EventPayloads.mapper().readValue(json, TERMS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
