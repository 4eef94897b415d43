package app.vigie.registry.infrastructure;

import app.vigie.contracts.community.Category;
import app.vigie.contracts.community.CommunitySnapshot;
import app.vigie.registry.domain.Contact;
import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Column converters of the registry's entities. */
final class Converters {

    private Converters() {
    }

    /** Ordered language codes as "fr,en" (codes never contain commas), so a filter can match ",fr,". */
    @Converter
    static class CodeList implements AttributeConverter<List<String>, String> {
        @Override
        public String convertToDatabaseColumn(List<String> codes) {
            return codes == null ? "" : String.join(",", codes);
        }

        @Override
        public List<String> convertToEntityAttribute(String column) {
            return column == null || column.isEmpty() ? List.of() : List.of(column.split(","));
        }
    }

    @Converter
    static class Categories implements AttributeConverter<Set<Category>, String> {
        @Override
        public String convertToDatabaseColumn(Set<Category> categories) {
            return Json.write(new TreeSet<>(categories == null ? Set.of() : categories));
        }

        @Override
        public Set<Category> convertToEntityAttribute(String column) {
            List<Category> read = Json.read(column, new TypeReference<List<Category>>() { });
            return read.isEmpty() ? EnumSet.noneOf(Category.class) : EnumSet.copyOf(read);
        }
    }

    @Converter
    static class TermLists implements AttributeConverter<Map<String, List<String>>, String> {
        @Override
        public String convertToDatabaseColumn(Map<String, List<String>> terms) {
            return Json.write(terms == null ? Map.of() : new java.util.TreeMap<>(terms));
        }

        @Override
        public Map<String, List<String>> convertToEntityAttribute(String column) {
            return Json.read(column, new TypeReference<Map<String, List<String>>>() { });
        }
    }

    @Converter
    static class CoverageColumn implements AttributeConverter<CommunitySnapshot.Coverage, String> {
        @Override
        public String convertToDatabaseColumn(CommunitySnapshot.Coverage coverage) {
            return Json.write(coverage);
        }

        @Override
        public CommunitySnapshot.Coverage convertToEntityAttribute(String column) {
            return Json.read(column, new TypeReference<CommunitySnapshot.Coverage>() { });
        }
    }

    @Converter
    static class Contacts implements AttributeConverter<List<Contact>, String> {
        @Override
        public String convertToDatabaseColumn(List<Contact> contacts) {
            return Json.write(contacts == null ? List.of() : contacts);
        }

        @Override
        public List<Contact> convertToEntityAttribute(String column) {
            return Json.read(column, new TypeReference<List<Contact>>() { });
        }
    }

}
