package org.enrollnotifier.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A connection's memory map of the database file. A checkpoint on another connection grows the
 * file behind the map, which SQLite only renews when the map's size limit changes: the pages beyond
 * it would be read one system call at a time (counting a search took twice as long, measured).
 * Moving the limit by 64 KiB, back and forth, renews the map.
 */
final class MemoryMap {

    private static final long NUDGE_BYTES = 65_536;

    private long limit = Database.MAPPED_BYTES;
    private int growthsMapped;

    /** Renews the map of {@code c} if a checkpoint of {@code checkpointer} grew the file since the last call. */
    void renewIfGrown(Connection c, WalCheckpointer checkpointer) throws SQLException {
        int growths = checkpointer.timesGrown();
        if (growths != growthsMapped) {
            growthsMapped = growths;
            limit = limit == Database.MAPPED_BYTES ? Database.MAPPED_BYTES - NUDGE_BYTES : Database.MAPPED_BYTES;
            try (Statement statement = c.createStatement()) {
                statement.execute("PRAGMA mmap_size = " + limit);
            }
        }
    }
}
