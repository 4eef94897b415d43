package app.vigie.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Merges the services' OpenAPI documents into the one that front-end teams read: every path under its gateway
 * prefix, components kept, and a component whose name is already taken by a different definition renamed
 * {@code <Service><Name>} with its references rewritten.
 */
final class OpenApiMerger {

    /** One service's document and where the gateway mounts it. */
    record Source(String name, String prefix, JsonNode document) {
    }

    private static final String REF_PREFIX = "#/components/";

    private final ObjectMapper json = new ObjectMapper();

    ObjectNode merge(List<Source> sources, List<String> unavailable) {
        ObjectNode merged = json.createObjectNode();
        merged.put("openapi", "3.1.0");
        ObjectNode info = merged.putObject("info");
        info.put("title", "Vigie API");
        info.put("version", "1");
        info.put("description", "All Vigie services behind the gateway. Authenticate with a bearer token from Keycloak "
                + "realm vigie; errors are application/problem+json (RFC 9457).");
        merged.putArray("servers").addObject().put("url", "/");
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = merged.putObject("components");
        ObjectNode bearer = components.putObject("securitySchemes").putObject("bearer");
        bearer.put("type", "http");
        bearer.put("scheme", "bearer");
        bearer.put("bearerFormat", "JWT");
        merged.putArray("security").addObject().putArray("bearer");
        ArrayNode tags = merged.putArray("tags");

        for (Source source : sources) {
            ObjectNode document = source.document().deepCopy();
            Map<String, String> renames = mergeComponents(source, document, components);
            rewriteRefs(document, renames);
            JsonNode sourcePaths = document.path("paths");
            sourcePaths.fieldNames().forEachRemaining(path -> {
                ObjectNode item = (ObjectNode) sourcePaths.get(path);
                item.fields().forEachRemaining(op -> {
                    if (op.getValue() instanceof ObjectNode operation) {
                        operation.put("x-vigie-service", source.name());
                    }
                });
                paths.set(source.prefix() + path, item);
            });
            for (JsonNode tag : document.path("tags")) {
                tags.add(tag);
            }
        }
        ArrayNode missing = merged.putArray("x-vigie-unavailable");
        unavailable.forEach(missing::add);
        return merged;
    }

    /** Copies each component section, renaming clashes; returns the renames as old ref → new ref. */
    private Map<String, String> mergeComponents(Source source, ObjectNode document, ObjectNode into) {
        Map<String, String> renames = new HashMap<>();
        JsonNode sections = document.path("components");
        Iterator<String> names = sections.fieldNames();
        while (names.hasNext()) {
            String section = names.next();
            if (section.equals("securitySchemes")) {
                continue;
            }
            ObjectNode target = into.has(section) ? (ObjectNode) into.get(section) : into.putObject(section);
            sections.get(section).fields().forEachRemaining(entry -> {
                String name = entry.getKey();
                JsonNode existing = target.get(name);
                if (existing == null || existing.equals(entry.getValue())) {
                    target.set(name, entry.getValue());
                } else {
                    String renamed = capitalised(source.name()) + name;
                    renames.put(REF_PREFIX + section + "/" + name, REF_PREFIX + section + "/" + renamed);
                    target.set(renamed, entry.getValue());
                }
            });
        }
        // the copies in `into` must see the renames too
        renames.forEach((from, to) -> rewriteRefs(into.path(to.substring(REF_PREFIX.length(), to.lastIndexOf('/')))
                .path(to.substring(to.lastIndexOf('/') + 1)), renames));
        return renames;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.set("$ref", new TextNode(renames.get(ref.asText())));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    private static String capitalised(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[-_ ]")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
