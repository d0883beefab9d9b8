package org.enrollnotifier.app;

import org.enrollnotifier.store.Database;
import org.enrollnotifier.store.IdentityStoreRepository;
import org.enrollnotifier.store.StoreDeletion;

/** Rename and delete identity stores. Blocking; call off the UI thread. */
public final class StoreAdmin {

    private final Database database;
    private final IdentityStoreRepository stores = new IdentityStoreRepository();
    private final StoreDeletion deletion = new StoreDeletion();

    public StoreAdmin(Workspace workspace) {
        this.database = workspace.database();
    }

    /** @throws IllegalArgumentException when the name is blank or another store has it */
    public void rename(long storeId, String newName) {
        String name = newName == null ? "" : newName.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The identity store needs a name.");
        }
        database.write(c -> {
            if (stores.findByName(c, name).filter(store -> store.id() != storeId).isPresent()) {
                throw new IllegalArgumentException("Another identity store is already named \"" + name + "\".");
            }
            stores.rename(c, storeId, name);
            return null;
        });
    }

    /** Deletes the store and its users; sent notifications keep their recipients. */
    public void delete(long storeId) {
        database.writeWithoutReferenceChecks(c -> {
            deletion.delete(c, storeId);
            return null;
        });
    }
}
