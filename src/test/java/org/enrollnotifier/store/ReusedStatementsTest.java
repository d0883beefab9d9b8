package org.enrollnotifier.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReusedStatementsTest {

    private static final String ECHO = "SELECT ?";

    @TempDir
    Path folder;

    private Connection connect(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + folder.resolve(name));
    }

    private static String echo(PreparedStatement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void theSameSqlOnTheSameConnectionIsPreparedOnceAndComesBackWithoutTheLastParameters() throws SQLException {
        ReusedStatements reused = new ReusedStatements();
        try (Connection c = connect("a.db")) {
            PreparedStatement first = reused.on(c, ECHO);
            first.setString(1, "first");
            assertEquals("first", echo(first));

            PreparedStatement again = reused.on(c, ECHO);

            assertSame(first, again);
            // an unbound parameter reads as NULL; one left from the last use would read "first"
            assertNull(echo(again));
            again.setString(1, "second");
            assertEquals("second", echo(again));
        }
    }

    @Test
    void anotherConnectionOrAClosedStatementGetsAFreshStatement() throws SQLException {
        ReusedStatements reused = new ReusedStatements();
        try (Connection a = connect("a.db"); Connection b = connect("b.db")) {
            PreparedStatement onA = reused.on(a, ECHO);
            PreparedStatement onB = reused.on(b, ECHO);
            assertNotSame(onA, onB);
            assertSame(b, onB.getConnection());

            onB.close();
            PreparedStatement reopened = reused.on(b, ECHO);

            assertNotSame(onB, reopened);
            reopened.setString(1, "open");
            assertEquals("open", echo(reopened));
        }
    }
}
