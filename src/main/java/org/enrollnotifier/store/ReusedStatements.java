package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Statements run for every message or transaction, prepared once per connection rather than once
 * per run: preparing a delivery's claim and its sent mark took a tenth of a delivery worker's CPU
 * (measured). Their users must not close them; they are closed with their connection. Only for a
 * fixed set of statements: the cache keeps every one it was given.
 */
final class ReusedStatements {

    private Connection connection;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    /** The statement for {@code sql} on {@code c}, without parameters. */
    synchronized PreparedStatement on(Connection c, String sql) throws SQLException {
        if (c != connection) {
            // those of another connection are closed with it
            prepared.clear();
            connection = c;
        }
        PreparedStatement statement = prepared.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = c.prepareStatement(sql);
            prepared.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }
}
