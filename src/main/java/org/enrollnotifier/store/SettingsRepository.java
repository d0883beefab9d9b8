package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/** The {@code settings} table: plain key/value pairs. Secrets never go here. */
public final class SettingsRepository {

    public Map<String, String> all(Connection c) throws SQLException {
        Map<String, String> values = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("SELECT key, value FROM settings");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                values.put(rs.getString(1), rs.getString(2));
            }
        }
        return values;
    }

    public void putAll(Connection c, Map<String, String> values) throws SQLException {
        try (PreparedStatement upsert = c.prepareStatement(
                "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")) {
            for (Map.Entry<String, String> entry : values.entrySet()) {
                upsert.setString(1, entry.getKey());
                upsert.setString(2, entry.getValue());
                upsert.addBatch();
            }
            upsert.executeBatch();
        }
    }
}
