package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A unit of work against the open database connection. */
@FunctionalInterface
public interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
}
