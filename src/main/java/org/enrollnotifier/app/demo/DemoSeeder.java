package org.enrollnotifier.app.demo;

import java.time.Instant;
import org.enrollnotifier.store.Database;
import org.enrollnotifier.store.DirectoryUserRepository;
import org.enrollnotifier.store.IdentityStoreRepository;
import org.enrollnotifier.store.ListingAnchors;

/** Writes the demo identity stores into a new database, all in one transaction. */
public final class DemoSeeder {

    private final IdentityStoreRepository stores = new IdentityStoreRepository();
    private final DirectoryUserRepository users = new DirectoryUserRepository();
    private final ListingAnchors anchors = new ListingAnchors();

    public void seed(Database database) {
        database.write(c -> {
            for (DemoDirectory.DemoStore demo : new DemoDirectory().stores()) {
                long storeId = stores.create(c, demo.name(), demo.kind(), demo.source(), true);
                users.insertAll(c, storeId, demo.users());
                anchors.rebuild(c, storeId);
                stores.markImported(c, storeId, demo.source(), Instant.now());
            }
            return null;
        });
    }
}
