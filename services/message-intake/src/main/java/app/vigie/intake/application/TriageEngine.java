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
    /** Parsed policy terms by their JSON text: a batch names few communities, parsing each once is enough. */
    private final Map<String, Map<String, List<String>>> parsedTerms = new java.util.concurrent.ConcurrentHashMap<>();

    @PostConstruct
    void load() {
        triager = Triager.standard();
    }

    public Triage assess(String text, CommunityCopyEntity community, int recentRepeats) {
        return triager.assess(new TriageInput(text, Arrays.asList(community.languages.split(",")),
                terms(community.blockedTerms), terms(community.allowedTerms), recentRepeats));
    }

    /** Triage again with the language already found (a repeat): no language detection the second time. */
    public Triage assess(String text, CommunityCopyEntity community, int recentRepeats, String language) {
        if (language == null) {
            return assess(text, community, recentRepeats);
        }
        return triager.assess(new TriageInput(text, List.of(language), terms(community.blockedTerms),
                terms(community.allowedTerms), recentRepeats));
    }

    private Map<String, List<String>> terms(String json) {
        if (json == null) {
            return Map.of();
        }
        if (parsedTerms.size() > 10_000) {
            parsedTerms.clear(); // bounded: policies change rarely, but never let old versions pile up
        }
        return parsedTerms.computeIfAbsent(json, TriageEngine::parse);
    }

    private static Map<String, List<String>> parse(String json) {
        try {
            return EventPayloads.mapper().readValue(json, TERMS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
