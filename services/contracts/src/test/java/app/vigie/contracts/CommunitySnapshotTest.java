package app.vigie.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import app.vigie.contracts.community.Category;
import app.vigie.contracts.community.CommunitySnapshot;
import app.vigie.contracts.community.ModerationMode;
import app.vigie.contracts.community.Platform;
import app.vigie.contracts.community.StaffRole;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CommunitySnapshotTest {

    private final SchemaCheck schema = new SchemaCheck("community-snapshot.v1.json");

    static CommunitySnapshot sample(CommunitySnapshot.Coverage coverage) {
        return new CommunitySnapshot(UUID.fromString("01a21527-120c-7e72-8173-7b2e6d087d4e"), 3, "radio-horizon",
                "Radio Horizon SAS", "Radio Horizon", Platform.FACEBOOK_PAGE, "104839205731", List.of("fr", "en"),
                "Europe/Paris", ModerationMode.A_POSTERIORI, 30, 120, coverage,
                "https://api.radio-horizon.example/vigie", "horizon-callback", null, "ACTIVE",
                new CommunitySnapshot.Policy(2, EnumSet.of(Category.HATE, Category.SPAM), Map.of("fr", List.of("arnaque")),
                        Map.of(), 0.85, EnumSet.of(Category.THREAT), "Pas d'insultes.", null, 0.05),
                List.of(new CommunitySnapshot.AssignedStaff("c96db6b7-7cc0-47ed-b446-fda389618930", "Julien Moreau",
                        StaffRole.MODERATOR, List.of("fr", "en"), null)),
                Instant.parse("2026-11-25T22:00:00Z"));
    }

    @Test
    void aSnapshotWithOpeningHoursSatisfiesItsSchemaAndRoundTrips() throws Exception {
        CommunitySnapshot snapshot = sample(new CommunitySnapshot.Coverage("OPENING_HOURS",
                Map.of("MONDAY", List.of(new CommunitySnapshot.TimeRange("08:00", "20:00")))));

        String json = EventPayloads.mapper().writeValueAsString(snapshot);

        assertThat(schema.violations(json)).isEmpty();
        assertThat(EventPayloads.mapper().readValue(json, CommunitySnapshot.class)).isEqualTo(snapshot);
    }

    @Test
    void aTwentyFourSevenSnapshotSatisfiesItsSchema() throws Exception {
        String json = EventPayloads.mapper().writeValueAsString(sample(new CommunitySnapshot.Coverage("ALWAYS", null)));

        assertThat(schema.violations(json)).isEmpty();
    }

    @Test
    void theSchemaRefusesAnUnknownPlatformOrAnEmptyLanguageList() throws Exception {
        String json = EventPayloads.mapper().writeValueAsString(sample(new CommunitySnapshot.Coverage("ALWAYS", null)));

        assertThat(schema.violations(json.replace("FACEBOOK_PAGE", "MYSPACE"))).isNotEmpty();
        assertThat(schema.violations(json.replace("[\"fr\",\"en\"]", "[]"))).isNotEmpty();
    }
}
