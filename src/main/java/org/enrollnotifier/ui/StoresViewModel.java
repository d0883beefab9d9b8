package org.enrollnotifier.ui;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.enrollnotifier.app.DirectoryImport;
import org.enrollnotifier.app.DirectoryImport.UserSource;
import org.enrollnotifier.app.ImportFailed;
import org.enrollnotifier.app.ImportListener;
import org.enrollnotifier.app.ImportResult;
import org.enrollnotifier.app.StoreAdmin;
import org.enrollnotifier.app.UserDirectory;
import org.enrollnotifier.app.UserSources;
import org.enrollnotifier.app.UserSources.LdapQuery;
import org.enrollnotifier.model.ImportProblem;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.model.StoreSummary;

/**
 * State of the Identity stores dialog: the stores, one import at a time with its progress and
 * Cancel, the outcome with every problem row, and rename / delete.
 */
public final class StoresViewModel {

    private static final Logger LOG = Logger.getLogger(StoresViewModel.class.getName());

    private final UserDirectory directory;
    private final DirectoryImport importer;
    private final StoreAdmin admin;
    private final Background queries;
    private final Background imports;
    private final Runnable storesChanged;

    private final ObservableList<StoreSummary> stores = FXCollections.observableArrayList();
    private final ObservableList<ImportProblem> problems = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing", false);
    private final ReadOnlyBooleanWrapper deleting = new ReadOnlyBooleanWrapper(this, "deleting", false);
    private final BooleanBinding busy = importing.or(deleting);
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper(this, "progress", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final AtomicBoolean cancelRequested = new AtomicBoolean();

    /**
     * @param imports        runs imports and deletions, which may take minutes, away from the window's queries
     * @param storesChanged  tells the main window to read the stores and its listing again
     */
    public StoresViewModel(UserDirectory directory, DirectoryImport importer, StoreAdmin admin, Background queries,
                           Background imports, Runnable storesChanged) {
        this.directory = directory;
        this.importer = importer;
        this.admin = admin;
        this.queries = queries;
        this.imports = imports;
        this.storesChanged = storesChanged;
    }

    public void load() {
        queries.run(directory::stores, stores::setAll, e -> fail("Could not read the identity stores.", e));
    }

    /** @param columns explicit field → column matches; empty to match every column by its header */
    public void importCsv(Path file, String storeName, StoreKind kind, Map<String, String> columns) {
        UserSource source;
        try {
            source = UserSources.csv(file, columns);
        } catch (IllegalArgumentException e) {
            outcome.set(e.getMessage());
            return;
        }
        start(storeName, kind, file.toString(), source);
    }

    public void importLdif(Path file, String storeName) {
        start(storeName, StoreKind.LDAP, file.toString(), UserSources.ldif(file));
    }

    public void importLdap(LdapQuery query, String storeName) {
        start(storeName, StoreKind.LDAP, query.toString(), UserSources.ldap(query));
    }

    /** Updates who has enrolled with what in a store, from a report keyed by username or email. */
    public void importEnrollment(Path file, StoreSummary store) {
        start(file.toString(), listener -> importer.importEnrollment(store.store().name(), file, listener));
    }

    private void start(String storeName, StoreKind kind, String sourceName, UserSource source) {
        start(sourceName, listener -> importer.importUsers(storeName, kind, sourceName, source, listener));
    }

    /** One import, given the listener that reports its progress and carries Cancel. */
    @FunctionalInterface
    private interface Import {
        ImportResult run(ImportListener listener) throws ImportFailed;
    }

    private void start(String sourceName, Import work) {
        if (importing.get()) {
            return;
        }
        cancelRequested.set(false);
        importing.set(true);
        problems.clear();
        outcome.set("");
        progress.set("Reading " + sourceName + "…");
        long started = System.nanoTime();
        AtomicLong lastShown = new AtomicLong(-1);
        ImportListener listener = new ImportListener() {
            @Override
            public void progress(long recordsRead) {
                if (lastShown.getAndSet(recordsRead) == -1) {
                    imports.toUi(() -> showProgress(lastShown.getAndSet(-1), started));
                }
            }

            @Override
            public boolean cancelled() {
                return cancelRequested.get();
            }
        };
        imports.run(() -> work.run(listener), this::finished, this::failed);
    }

    private void showProgress(long recordsRead, long startedNanos) {
        if (!importing.get() || recordsRead < 0) {
            return;
        }
        double seconds = (System.nanoTime() - startedNanos) / 1e9;
        progress.set("Read " + CountText.number(recordsRead) + " records"
                + (seconds > 0 ? String.format(" · %,.0f records/s", recordsRead / seconds) : ""));
    }

    private void finished(ImportResult result) {
        importing.set(false);
        progress.set("");
        problems.setAll(result.problems());
        outcome.set(result.summary() + (result.problemCount() > result.problems().size()
                ? " The first " + CountText.number(result.problems().size()) + " are listed below." : ""));
        load();
        storesChanged.run();
    }

    private void failed(Exception e) {
        importing.set(false);
        progress.set("");
        if (e instanceof ImportFailed) {
            LOG.log(Level.INFO, "Import did not complete", e);
            outcome.set(e.getMessage());
        } else {
            fail("The import failed; no store was changed.", e);
        }
    }

    /** Stops the running import; the store stays exactly as it was. */
    public void cancel() {
        cancelRequested.set(true);
    }

    public void rename(StoreSummary store, String newName) {
        queries.run(() -> {
            admin.rename(store.store().id(), newName);
            return newName;
        }, name -> {
            outcome.set("Renamed \"" + store.store().name() + "\" to \"" + name.strip() + "\".");
            load();
            storesChanged.run();
        }, e -> outcome.set(ProblemText.of(e)));
    }

    /**
     * Says what it is doing first, and is {@linkplain #busyProperty() busy} until done: a store of a
     * million users, its deliveries unlinked, takes about 4 s, during which the window goes on
     * listing the users as they were.
     */
    public void delete(StoreSummary store) {
        outcome.set("Deleting \"" + store.store().name() + "\" and its " + CountText.of(store.userCount(), "user")
                + "…");
        deleting.set(true);
        imports.run(() -> {
            admin.delete(store.store().id());
            return store;
        }, deleted -> {
            deleting.set(false);
            outcome.set("Deleted \"" + deleted.store().name() + "\" and its " + CountText.of(deleted.userCount(), "user")
                    + ".");
            load();
            storesChanged.run();
        }, e -> {
            deleting.set(false);
            fail("Could not delete the identity store.", e);
        });
    }

    private void fail(String what, Exception e) {
        LOG.log(Level.WARNING, what, e);
        outcome.set(what + " " + ProblemText.of(e));
    }

    public ObservableList<StoreSummary> stores() {
        return stores;
    }

    public ObservableList<ImportProblem> problems() {
        return problems;
    }

    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    /** Importing or deleting: the stores' other actions wait. */
    public BooleanBinding busyProperty() {
        return busy;
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }
}
