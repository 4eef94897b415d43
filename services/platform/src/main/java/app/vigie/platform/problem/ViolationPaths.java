package app.vigie.platform.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * Turns Bean Validation's path ({@code create.request.languages[1].<list element>}) into the name a client
 * understands ({@code body.languages[1]}, {@code query.limit}, {@code path.id}).
 */
final class ViolationPaths {

    private ViolationPaths() {
    }

    static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        List<Method> methods = List.of();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD -> methods = find(violation.getRootBeanClass(), node.as(Path.MethodNode.class));
                case PARAMETER -> field.append(parameterName(methods, node.as(Path.ParameterNode.class)));
                case PROPERTY, CONTAINER_ELEMENT -> appendProperty(field, node);
                case RETURN_VALUE -> field.append("response");
                default -> { }
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static void appendProperty(StringBuilder field, Path.Node node) {
        if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.isInIterable() && node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
            field.append(field.isEmpty() ? "" : ".").append(node.getName());
        } else if (node.getKind() == ElementKind.CONTAINER_ELEMENT && node.isInIterable()) {
            if (node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                field.append('[').append(node.getKey()).append(']');
            }
        }
    }

    private static String parameterName(List<Method> methods, Path.ParameterNode node) {
        for (Method method : methods) {
            String name = parameterName(method.getParameters()[node.getParameterIndex()]);
            if (name != null) {
                return name;
            }
        }
        return "body";
    }

    private static String parameterName(Parameter parameter) {
        for (Annotation a : parameter.getAnnotations()) {
            switch (a) {
                case QueryParam q -> { return "query." + q.value(); }
                case PathParam p -> { return "path." + p.value(); }
                case HeaderParam h -> { return "header." + h.value(); }
                case CookieParam c -> { return "cookie." + c.value(); }
                case FormParam f -> { return "form." + f.value(); }
                case RestQuery q -> { return "query." + (q.value().isEmpty() ? parameter.getName() : q.value()); }
                case RestPath p -> { return "path." + (p.value().isEmpty() ? parameter.getName() : p.value()); }
                case RestHeader h -> { return "header." + (h.value().isEmpty() ? parameter.getName() : h.value()); }
                default -> { }
            }
        }
        return null;
    }

    /** The method and the ones it overrides: CDI subclasses override resource methods without their annotations. */
    private static List<Method> find(Class<?> type, Path.MethodNode node) {
        List<Class<?>> wanted = node.getParameterTypes();
        List<Method> found = new java.util.ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(node.getName()) && Arrays.asList(m.getParameterTypes()).equals(wanted)) {
                    found.add(m);
                }
            }
        }
        return found;
    }
}
