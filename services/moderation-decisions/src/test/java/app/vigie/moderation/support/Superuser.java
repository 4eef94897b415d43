package app.vigie.moderation.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * SQL as PostgreSQL's superuser on the test database, through {@code psql} as {@code ./vigie} runs it: what an
 * attacker with full access to the database could do, which the application's own role cannot.
 */
public final class Superuser {

    private Superuser() {
    }

    /** Runs {@code sql} on this service's test database; returns what psql printed (unaligned, tuples only). */
    public static String sql(String sql) {
        List<String> command = new ArrayList<>();
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of("psql", "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-p", env("VIGIE_PG_PORT", "5432")));
        if (!root) {
            command.addAll(List.of("-h", env("VIGIE_PG_HOST", "127.0.0.1"), "-U", "postgres"));
        }
        command.addAll(List.of("-d", database(), "-c", sql));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("psql as superuser failed: " + out);
            }
            return out.strip();
        } catch (IOException e) {
            throw new IllegalStateException("psql is not available", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String database() {
        String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
        String path = url.substring(url.lastIndexOf('/') + 1);
        return path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
