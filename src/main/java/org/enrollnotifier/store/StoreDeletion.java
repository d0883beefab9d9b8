package org.enrollnotifier.store;

import static org.enrollnotifier.store.LongParameterStatements.update;

import java.sql.Connection;
import java.sql.SQLException;
import org.enrollnotifier.model.UserQuery;

/**
 * Deletes an identity store and its users, their tallies and listing anchors; notifications keep
 * their recipients' names and addresses, unlinked from the deleted users. Every row that refers to
 * the store or its users is deleted or unlinked here, in bulk, so it runs with reference checks off
 * ({@link Database#writeWithoutReferenceChecks}): checked, each user deleted was looked up among
 * the deliveries and the tables of the store again.
 *
 * <p>A store holding at least as many users as the others is deleted with the users table's indexes
 * {@linkplain SetAsideIndexes set aside} and the search index made anew from the users left, instead
 * of every deleted user's keys taken out one at a time: a store of a million users, with 950,641
 * deliveries queued to them, beside 5,400 other users, took 23.6 s to delete so and 4.8 s this way
 * (sqlite3: 2.3 s unlinking the deliveries, 0.4 s deleting the users, the commit 1.0 s).
 */
public final class StoreDeletion {

    /** The trigger that takes a deleted user's keys out of the search index. */
    private static final String SEARCH_INDEX_TRIGGER = "directory_user_search_delete";

    private final DirectoryUserRepository users = new DirectoryUserRepository();

    /** Runs in the caller's write transaction, with reference checks off. */
    public void delete(Connection c, long storeId) throws SQLException {
        long storeUsers = users.count(c, UserQuery.EVERYONE.withStore(storeId)).listed();
        long otherUsers = users.count(c, UserQuery.EVERYONE).listed() - storeUsers;
        update(c, "UPDATE delivery SET user_id = NULL"
                + " WHERE user_id IN (SELECT id FROM directory_user WHERE store_id = ?)", storeId);
        if (storeUsers >= otherUsers) {
            deleteUsersWithIndexesMadeAfter(c, storeId);
        } else {
            update(c, "DELETE FROM directory_user WHERE store_id = ?", storeId);
        }
        update(c, "DELETE FROM user_count WHERE store_id = ?", storeId);
        update(c, "DELETE FROM listing_anchor WHERE store_id = ?", storeId);
        update(c, "DELETE FROM identity_store WHERE id = ?", storeId);
    }

    private static void deleteUsersWithIndexesMadeAfter(Connection c, long storeId) throws SQLException {
        SetAsideIndexes setAside = SetAsideIndexes.drop(c, SEARCH_INDEX_TRIGGER);
        update(c, "DELETE FROM directory_user WHERE store_id = ?", storeId);
        ImportStaging.sortingInSmallRuns(c, connection -> {
            setAside.restore(connection);
            return null;
        });
        update(c, "INSERT INTO directory_user_search (directory_user_search) VALUES ('delete-all')");
        update(c, "INSERT INTO directory_user_search (rowid, search_key)"
                + " SELECT display_rank, search_key FROM directory_user WHERE display_rank IS NOT NULL");
    }
}
