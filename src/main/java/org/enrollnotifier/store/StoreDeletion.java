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
 * the deliveries and the tables of the store again. A store with many users compared with the
 * others is deleted by {@link BulkUserRemoval}: a million users beside 5,400 others, with 950,641
 * deliveries queued to them, in 3.8 s against 25.5 s one by one (the application, one run each).
 */
public final class StoreDeletion {

    private static final String STORE_USERS = "store_id = ?";

    private final DirectoryUserRepository users = new DirectoryUserRepository();

    /** Runs in the caller's write transaction, with reference checks off. */
    public void delete(Connection c, long storeId) throws SQLException {
        long storeUsers = users.count(c, UserQuery.EVERYONE.withStore(storeId)).listed();
        long otherUsers = users.count(c, UserQuery.EVERYONE).listed() - storeUsers;
        update(c, "UPDATE delivery SET user_id = NULL"
                + " WHERE user_id IN (SELECT id FROM directory_user WHERE " + STORE_USERS + ")", storeId);
        if (BulkUserRemoval.pays(storeUsers, otherUsers)) {
            BulkUserRemoval.remove(c, STORE_USERS, storeId);
        } else {
            update(c, "DELETE FROM directory_user WHERE " + STORE_USERS, storeId);
        }
        update(c, "DELETE FROM user_count WHERE store_id = ?", storeId);
        update(c, "DELETE FROM listing_anchor WHERE store_id = ?", storeId);
        update(c, "DELETE FROM identity_store WHERE id = ?", storeId);
    }
}
