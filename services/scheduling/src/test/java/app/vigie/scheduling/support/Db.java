package app.vigie.scheduling.support;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/** A statement or a count against the test database, with one text parameter. */
public final class Db {

    private Db() {
    }

    public static void update(AgroalDataSource db, String statement, String parameter) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, parameter);
            s.executeUpdate();
        }
    }

    public static long count(AgroalDataSource db, String sql, String parameter) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
