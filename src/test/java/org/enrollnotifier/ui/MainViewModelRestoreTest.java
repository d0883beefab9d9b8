package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalInt;
import org.enrollnotifier.app.UserDirectory;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The helpdesk window reopens on the store and page size the operator left it with. */
class MainViewModelRestoreTest {

    @RegisterExtension
    static final DemoWorkspace WORKSPACE = new DemoWorkspace();

    private final MainViewModel model = new MainViewModel(new UserDirectory(WORKSPACE.get()), new ManualBackground());

    @Test
    void opensOnTheRememberedStoreWithTheRememberedPageSize() {
        model.restore(Optional.of("Demo · Northwind (LDAP)"), OptionalInt.of(100));
        model.start();

        assertEquals("Demo · Northwind (LDAP)", model.selectedStoreProperty().get().name());
        assertEquals(100, model.rows().size());
        assertEquals(Optional.of("Demo · Northwind (LDAP)"), model.selectedStoreName());
    }

    @Test
    void aStoreDeletedSinceAndAPageSizeNotOfferedFallBackToTheDefaults() {
        model.restore(Optional.of("Gone"), OptionalInt.of(7));
        model.start();

        assertEquals(StoreChoice.ALL_STORES, model.selectedStoreProperty().get().name());
        assertEquals(MainViewModel.PAGE_SIZES.get(0), model.pageSizeProperty().get());
    }

    @Test
    void theStoreNameIsEmptyUntilTheStoresHaveBeenRead() {
        assertEquals(Optional.empty(), model.selectedStoreName());
    }
}
