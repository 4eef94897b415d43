package app.vigie.scheduling.infrastructure;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** One transaction of plain JDBC, for the jobs (Quartz threads, where the reactive session is not at hand). */
public final class JdbcWork {

    private JdbcWork() {
    }

    /** What runs in the transaction; returns how many things it did. */
    public interface Work {
        int run(Connection c) throws SQLException;
    }

    /** Runs {@code work} and commits, or rolls back and rethrows; {@code what} names the job in errors. */
    public static int inTransaction(AgroalDataSource dataSource, String what, Work work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int done = work.run(c);
                c.commit();
                return done;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        }
    }
}
