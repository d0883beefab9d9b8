package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** SQLite's plan for a statement, one step a line, as the plan tests read it. */
final class QueryPlans {

    private QueryPlans() {
    }

    /** @param parameters bound in order, where the plan depends on them */
    static String explain(Connection c, String text, long... parameters) throws SQLException {
        StringBuilder steps = new StringBuilder();
        try (PreparedStatement explain = c.prepareStatement("EXPLAIN QUERY PLAN " + text)) {
            for (int i = 0; i < parameters.length; i++) {
                explain.setLong(i + 1, parameters[i]);
            }
            try (ResultSet rs = explain.executeQuery()) {
                while (rs.next()) {
                    steps.append(rs.getString("detail")).append('\n');
                }
            }
        }
        return steps.toString();
    }
}
