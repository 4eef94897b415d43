package app.vigie.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import app.vigie.contracts.problem.Problem;
import app.vigie.contracts.problem.ProblemKind;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private final SchemaCheck schema = new SchemaCheck("problem.v1.json");

    @Test
    void everyKindRendersADocumentThatSatisfiesTheSchema() throws Exception {
        for (ProblemKind kind : ProblemKind.values()) {
            String json = EventPayloads.mapper().writeValueAsString(Problem.of(kind, "detail", "/communities/1", "req-1"));
            assertThat(schema.violations(json)).as(kind.name()).isEmpty();
        }
    }

    @Test
    void validationProblemNamesEachFieldAndOmitsAbsentMembers() throws Exception {
        Problem problem = Problem.invalid("2 invalid fields",
                List.of(new Problem.FieldViolation("body.timeZone", "not an IANA time zone"),
                        new Problem.FieldViolation("query.limit", "must be between 1 and 500")),
                null, "req-7");

        String json = EventPayloads.mapper().writeValueAsString(problem);

        assertThat(schema.violations(json)).isEmpty();
        assertThat(json).doesNotContain("instance")
                .contains("\"type\":\"https://vigie.app/problems/validation\"")
                .contains("{\"field\":\"body.timeZone\",\"reason\":\"not an IANA time zone\"}");
    }

    @Test
    void kindsHaveDistinctTypesAndErrorStatuses() {
        assertThat(Arrays.stream(ProblemKind.values()).map(ProblemKind::type).distinct()).hasSize(ProblemKind.values().length);
        assertThat(ProblemKind.values()).allSatisfy(k -> assertThat(k.status()).isBetween(400, 599));
    }

    @Test
    void schemaRefusesAnUnknownMemberOrAStatusBelow400() {
        assertThat(schema.violations("""
                {"type":"https://vigie.app/problems/conflict","title":"Conflict","status":409,"stack":"x"}""")).isNotEmpty();
        assertThat(schema.violations("""
                {"type":"https://vigie.app/problems/conflict","title":"Conflict","status":200}""")).isNotEmpty();
    }
}
