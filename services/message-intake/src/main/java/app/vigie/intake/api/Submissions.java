package app.vigie.intake.api;

import app.vigie.contracts.EventPayloads;
import app.vigie.contracts.problem.Problem;
import app.vigie.contracts.problem.Problem.FieldViolation;
import app.vigie.contracts.problem.ProblemKind;
import app.vigie.intake.application.Ingestion;
import app.vigie.platform.problem.ProblemException;
import app.vigie.platform.request.RequestIds;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Checks submitted messages one by one, so that in a batch a bad item is refused alone (with its index in every
 * field name) while the others are stored.
 */
@ApplicationScoped
public class Submissions {

    @Inject
    Validator validator;

    /** An item read and checked: either ready for ingestion, or its problem. */
    public record Checked(Ingestion.Submitted submitted, ProblemException problem) {
    }

    public Checked check(int index, String prefix, JsonNode node) {
        MessageDtos.In message;
        try {
            if (node == null || !node.isObject()) {
                return refused(prefix.isEmpty() ? "body" : prefix.substring(0, prefix.length() - 1), "must be a JSON object");
            }
            message = EventPayloads.mapper().treeToValue(node, MessageDtos.In.class);
        } catch (JsonMappingException e) {
            String field = prefix + jsonPath(e).substring(1);
            return refused(field, e.getOriginalMessage().split("\n")[0].replaceAll(" \\(class [^)]*\\)", ""));
        } catch (JsonProcessingException e) {
            return refused(prefix + "body", "cannot be read");
        }
        return check(index, prefix, message);
    }

    public Checked check(int index, String prefix, MessageDtos.In message) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ConstraintViolation<MessageDtos.In> v : validator.validate(message)) {
            violations.add(new FieldViolation(prefix + path(v.getPropertyPath()), v.getMessage()));
        }
        if (message.communityId() == null && (message.platform() == null || message.pageId() == null
                || message.pageId().isBlank())) {
            violations.add(new FieldViolation(prefix + "communityId", "give communityId, or platform and pageId"));
        }
        if (message.text() != null && message.text().getBytes(StandardCharsets.UTF_8).length > MessageDtos.MAX_TEXT_BYTES) {
            violations.add(new FieldViolation(prefix + "text", "at most " + MessageDtos.MAX_TEXT_BYTES + " bytes"));
        }
        noNulCharacter(prefix, message, violations);
        if (!violations.isEmpty()) {
            violations.sort(Comparator.comparing(FieldViolation::field));
            return new Checked(null, new ProblemException(ProblemKind.VALIDATION,
                    violations.size() == 1 ? "1 invalid field" : violations.size() + " invalid fields", violations));
        }
        return new Checked(new Ingestion.Submitted(index, prefix, message), null);
    }

    /** PostgreSQL text cannot hold U+0000: refused here, with its field, rather than failing the whole write. */
    private static void noNulCharacter(String prefix, MessageDtos.In m, List<FieldViolation> violations) {
        java.util.Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("pageId", m.pageId());
        fields.put("externalId", m.externalId());
        fields.put("threadId", m.threadId());
        fields.put("parentId", m.parentId());
        fields.put("text", m.text());
        fields.put("permalink", m.permalink());
        if (m.author() != null) {
            fields.put("author.id", m.author().id());
            fields.put("author.name", m.author().name());
        }
        if (m.media() != null) {
            for (int i = 0; i < m.media().size(); i++) {
                if (m.media().get(i) != null) {
                    fields.put("media[" + i + "].url", m.media().get(i).url());
                }
            }
        }
        fields.forEach((field, value) -> {
            if (value != null && value.indexOf(0) >= 0) {
                violations.add(new FieldViolation(prefix + field, "must not contain the NUL character (U+0000)"));
            }
        });
    }

    /** The problem document of one refused batch item. */
    public static Problem problemOf(ProblemException e) {
        return new Problem(e.kind().type(), e.kind().title(), e.kind().status(), e.getMessage(), null,
                RequestIds.current(), e.violations().isEmpty() ? null : e.violations());
    }

    private static Checked refused(String field, String reason) {
        return new Checked(null, ProblemException.invalid(field, reason));
    }

    private static String path(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            if (node.getIndex() != null) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                out.append(out.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return out.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder(".");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                out.append(out.length() == 1 ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
