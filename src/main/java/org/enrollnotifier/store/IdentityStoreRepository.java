package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.enrollnotifier.model.IdentityStore;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.StoreSummary;

/** The {@code identity_store} table. */
public final class IdentityStoreRepository {

    public long create(Connection c, String name, StoreKind kind, String source, boolean demo) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "INSERT INTO identity_store (name, kind, source, is_demo) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, name);
            insert.setString(2, kind.name());
            insert.setString(3, source);
            insert.setBoolean(4, demo);
            insert.executeUpdate();
        }
        try (PreparedStatement last = c.prepareStatement("SELECT last_insert_rowid()");
             ResultSet rs = last.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Records when the store's users were last imported, and from where: a re-import may read another file. */
    public void markImported(Connection c, long storeId, String source, Instant when) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(
                "UPDATE identity_store SET source = ?, last_import_at = ? WHERE id = ?")) {
            update.setString(1, source);
            update.setLong(2, when.toEpochMilli());
            update.setLong(3, storeId);
            update.executeUpdate();
        }
    }

    public Optional<IdentityStore> findByName(Connection c, String name) throws SQLException {
        return summaries(c).stream().map(StoreSummary::store)
                .filter(store -> store.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    public void rename(Connection c, long storeId, String newName) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE identity_store SET name = ? WHERE id = ?")) {
            update.setString(1, newName);
            update.setLong(2, storeId);
            update.executeUpdate();
        }
    }

    /** Every store by name, each with its user count. */
    public List<StoreSummary> summaries(Connection c) throws SQLException {
        List<StoreSummary> summaries = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("""
                SELECT s.id, s.name, s.kind, s.source, s.is_demo, s.last_import_at,
                       (SELECT coalesce(sum(u.users), 0) FROM user_count u WHERE u.store_id = s.id)
                FROM identity_store s
                ORDER BY s.name, s.id
                """);
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                long lastImport = rs.getLong(6);
                Instant lastImportAt = rs.wasNull() ? null : Instant.ofEpochMilli(lastImport);
                IdentityStore store = new IdentityStore(rs.getLong(1), rs.getString(2),
                        StoreKind.valueOf(rs.getString(3)), rs.getString(4), rs.getBoolean(5), lastImportAt);
                summaries.add(new StoreSummary(store, rs.getLong(7)));
            }
        }
        return summaries;
    }
}
