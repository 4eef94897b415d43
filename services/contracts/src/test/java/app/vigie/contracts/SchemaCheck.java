package app.vigie.contracts;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.util.List;

/** Validates JSON documents against the schemas this module ships, as a consumer in another language would. */
final class SchemaCheck {

    private final Schema schema;

    SchemaCheck(String resource) {
        try (InputStream in = SchemaCheck.class.getResourceAsStream("/schemas/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no schema " + resource);
            }
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    List<String> violations(String json) {
        return schema.validate(json, InputFormat.JSON).stream().map(Object::toString).toList();
    }
}
