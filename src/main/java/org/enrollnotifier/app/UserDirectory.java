package org.enrollnotifier.app;

import java.util.List;
import org.enrollnotifier.model.StoreSummary;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.store.Database;
import org.enrollnotifier.store.DirectoryUserRepository;
import org.enrollnotifier.store.IdentityStoreRepository;
import org.enrollnotifier.store.ListingAnchors;

/** Browse users: the identity stores, and paged listings of their users. Blocking; call off the UI thread. */
public final class UserDirectory {

    private final Database database;
    private final IdentityStoreRepository stores = new IdentityStoreRepository();
    private final DirectoryUserRepository users = new DirectoryUserRepository();
    private final ListingAnchors anchors = new ListingAnchors();

    public UserDirectory(Workspace workspace) {
        this(workspace.database());
    }

    UserDirectory(Database database) {
        this.database = database;
    }

    public List<StoreSummary> stores() {
        return database.read(stores::summaries);
    }

    /** A pager over one listing; counting happens here, once per listing. */
    public UserPager pager(UserQuery query, int pageSize) {
        return new UserPager(database, users, anchors, query, pageSize);
    }
}
