package org.enrollnotifier.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;
import org.enrollnotifier.app.UserDirectory;
import org.enrollnotifier.app.UserPage;
import org.enrollnotifier.app.UserPager;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.RecipientSelection;
import org.enrollnotifier.model.StoreSummary;
import org.enrollnotifier.model.UserCounts;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.model.UserSort;

/**
 * State of the helpdesk window: which store, search, filter, order and page the operator looks at,
 * the rows of that one page, and the set of checked user ids, which outlives pages and searches.
 * Every read of the database goes through {@link Background}; only its newest answer is shown.
 */
public final class MainViewModel {

    public static final List<Integer> PAGE_SIZES = List.of(25, 50, 100);
    private static final Logger LOG = Logger.getLogger(MainViewModel.class.getName());

    private final UserDirectory directory;
    private final Background background;

    private final ObservableList<StoreChoice> storeChoices = FXCollections.observableArrayList();
    private final ObjectProperty<StoreChoice> selectedStore = new SimpleObjectProperty<>(this, "selectedStore");
    private final StringProperty searchText = new SimpleStringProperty(this, "searchText", "");
    private final ObjectProperty<EnrollmentFilter> filter =
            new SimpleObjectProperty<>(this, "filter", EnrollmentFilter.ALL_USERS);
    private final ObjectProperty<UserSort> sort = new SimpleObjectProperty<>(this, "sort", UserSort.DEFAULT);
    private final IntegerProperty pageSize = new SimpleIntegerProperty(this, "pageSize", PAGE_SIZES.get(0));

    private final ReadOnlyIntegerWrapper pageIndex = new ReadOnlyIntegerWrapper(this, "pageIndex", 0);
    private final ReadOnlyIntegerWrapper pageCount = new ReadOnlyIntegerWrapper(this, "pageCount", 1);
    private final ReadOnlyObjectWrapper<UserCounts> counts =
            new ReadOnlyObjectWrapper<>(this, "counts", UserCounts.NONE);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyBooleanWrapper counting = new ReadOnlyBooleanWrapper(this, "counting", false);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper pageAllChecked = new ReadOnlyBooleanWrapper(this, "pageAllChecked", false);
    private final ObservableList<UserRow> rows = FXCollections.observableArrayList();
    private final ObservableSet<Long> checkedIds = FXCollections.observableSet();
    private final ObservableList<UserRow> rowsView = FXCollections.unmodifiableObservableList(rows);
    private final ObservableSet<Long> checkedIdsView = FXCollections.unmodifiableObservableSet(checkedIds);
    private final StringBinding statusText;
    private final BooleanBinding canNotify;

    /** The page the newest request asked for; {@link #pageIndex} follows once it has arrived. */
    private int requestedPage;
    /** Written on the UI thread only; read by the worker too, to abandon counting an outdated search. */
    private volatile long newestRequest;
    /** The store to select when the stores first arrive; null for "All identity stores". */
    private String preferredStoreName;
    /** Touched only by the background worker, which runs one task at a time. */
    private UserPager pager;

    public MainViewModel(UserDirectory directory, Background background) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.background = Objects.requireNonNull(background, "background");
        statusText = Bindings.createStringBinding(this::describeStatus, counts, counting, checkedIds);
        canNotify = Bindings.createBooleanBinding(
                () -> !checkedIds.isEmpty() || counting.get() || counts.get().listed() > 0, counts, counting, checkedIds);
        selectedStore.addListener((obs, old, now) -> listingChanged());
        searchText.addListener((obs, old, now) -> listingChanged());
        filter.addListener((obs, old, now) -> listingChanged());
        sort.addListener((obs, old, now) -> listingChanged());
        pageSize.addListener((obs, old, now) -> listingChanged());
        checkedIds.addListener((SetChangeListener<Long>) change -> showChecks());
    }

    /**
     * Opens on the identity store and page size the operator left the window with; call before
     * {@link #start()}. A store that no longer exists, or a page size not offered, is ignored.
     */
    public void restore(Optional<String> storeName, OptionalInt size) {
        preferredStoreName = storeName.orElse(null);
        size.stream().filter(PAGE_SIZES::contains).forEach(pageSize::set);
    }

    /** The identity store to remember, by name; empty until the stores have been read. */
    public Optional<String> selectedStoreName() {
        return Optional.ofNullable(selectedStore.get()).map(StoreChoice::name);
    }

    /** Reads the identity stores, then the first page of the one restored, else of all of them. */
    public void start() {
        refresh();
    }

    /** Reads the stores and the listing again, after an import, a rename or a delete changed them. */
    public void refresh() {
        loading.set(true);
        background.run(() -> {
            pager = null;
            return directory.stores();
        }, this::showStores, e -> fail("Could not read the identity stores.", e));
    }

    private void showStores(List<StoreSummary> stores) {
        List<StoreChoice> choices = new ArrayList<>();
        choices.add(StoreChoice.allOf(stores));
        stores.stream().map(StoreChoice::of).forEach(choices::add);
        StoreChoice current = selectedStore.get();
        Predicate<StoreChoice> wanted = current == null
                ? choice -> choice.name().equals(preferredStoreName)
                : choice -> Objects.equals(choice.storeId(), current.storeId());
        storeChoices.setAll(choices);
        StoreChoice selection = choices.stream().filter(wanted).findFirst().orElse(choices.get(0));
        if (selection.equals(selectedStore.get())) {
            load(requestedPage);
        } else {
            selectedStore.set(selection);
        }
    }

    private void listingChanged() {
        load(0);
    }

    private void load(int page) {
        if (selectedStore.get() == null) {
            return;
        }
        UserQuery query = currentQuery();
        int size = pageSize.get();
        long request = ++newestRequest;
        requestedPage = page;
        loading.set(true);
        background.run(() -> readPage(query, size, page),
                result -> {
                    if (request == newestRequest) {
                        showPage(result, request);
                    }
                },
                e -> {
                    if (request == newestRequest) {
                        fail("Could not read the users.", e);
                    }
                });
    }

    /** The counts of a search many users match, after its first page is on screen. */
    private void countLater(long request) {
        background.run(() -> {
            if (request != newestRequest) {
                throw new CancellationException("a newer listing was asked for");
            }
            return new Counted(pager.counts(() -> request != newestRequest), pager.pageCount());
        }, counted -> {
            if (request == newestRequest) {
                showCounts(counted);
            }
        }, e -> {
            if (request == newestRequest && !(e instanceof CancellationException)) {
                fail("Could not count the users.", e);
            }
        });
    }

    private record Counted(UserCounts counts, int pageCount) {
    }

    private void showCounts(Counted counted) {
        counts.set(counted.counts());
        pageCount.set(counted.pageCount());
        counting.set(false);
        if (requestedPage >= counted.pageCount()) {
            load(counted.pageCount() - 1);
        }
    }

    private UserPage readPage(UserQuery query, int size, int page) {
        if (pager == null || !pager.serves(query, size)) {
            pager = directory.pager(query, size);
        }
        return pager.page(page);
    }

    private void showPage(UserPage page, long request) {
        List<UserRow> pageRows = new ArrayList<>(page.users().size());
        page.users().forEach(user -> {
            UserRow row = new UserRow(user, checkedIds.contains(user.id()));
            row.checkedProperty().addListener((obs, was, now) -> {
                if (now) {
                    checkedIds.add(row.id());
                } else {
                    checkedIds.remove(row.id());
                }
            });
            pageRows.add(row);
        });
        rows.setAll(pageRows);
        requestedPage = page.index();
        pageIndex.set(page.index());
        pageCount.set(page.pageCount());
        page.counts().ifPresent(counts::set);
        counting.set(page.counts().isEmpty());
        problem.set("");
        loading.set(false);
        updatePageAllChecked();
        if (page.counts().isEmpty()) {
            countLater(request);
        }
    }

    private void fail(String message, Exception e) {
        LOG.log(Level.WARNING, message, e);
        problem.set(message + " " + ProblemText.of(e));
        loading.set(false);
    }

    UserQuery currentQuery() {
        return new UserQuery(selectedStore.get().storeId(), searchText.get(), filter.get(), sort.get());
    }

    public void goToPage(int index) {
        int bounded = Math.max(0, Math.min(index, pageCount.get() - 1));
        if (bounded != requestedPage) {
            load(bounded);
        }
    }

    public void nextPage() {
        goToPage(requestedPage + 1);
    }

    public void previousPage() {
        goToPage(requestedPage - 1);
    }

    public void firstPage() {
        goToPage(0);
    }

    public void lastPage() {
        goToPage(pageCount.get() - 1);
    }

    public void toggle(UserRow row) {
        row.checkedProperty().set(!row.isChecked());
    }

    /** The header checkbox: checks or unchecks every row of the visible page, and no other. */
    public void setPageChecked(boolean checked) {
        rows.forEach(row -> row.checkedProperty().set(checked));
    }

    public void clearChecks() {
        checkedIds.clear();
    }

    private void showChecks() {
        rows.forEach(row -> row.checkedProperty().set(checkedIds.contains(row.id())));
        updatePageAllChecked();
    }

    private void updatePageAllChecked() {
        pageAllChecked.set(!rows.isEmpty() && rows.stream().allMatch(UserRow::isChecked));
    }

    private String describeStatus() {
        UserCounts listed = counts.get();
        if (counting.get()) {
            return "Counting users… · " + CountText.number(checkedIds.size()) + " checked";
        }
        return CountText.of(listed.listed(), "user") + " · " + CountText.number(checkedIds.size()) + " checked · "
                + CountText.number(listed.withoutEmail()) + " without email";
    }

    /** False when "Notify All Users" would address no one: nobody checked and the list known to be empty. */
    public BooleanBinding canNotifyProperty() {
        return canNotify;
    }

    /** Whom "Notify All Users" addresses: the checked users, or when none are checked everyone listed. */
    public RecipientSelection recipientSelection() {
        return new RecipientSelection(currentQuery(), Set.copyOf(checkedIds));
    }

    /** The same, in words, for the dialog and the notification's history. */
    public String audience() {
        if (!checkedIds.isEmpty()) {
            return CountText.of(checkedIds.size(), "checked user");
        }
        UserQuery query = currentQuery();
        return query.audience(query.storeId() == null ? null : selectedStore.get().name());
    }

    public ObservableList<StoreChoice> storeChoices() {
        return storeChoices;
    }

    public ObjectProperty<StoreChoice> selectedStoreProperty() {
        return selectedStore;
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<EnrollmentFilter> filterProperty() {
        return filter;
    }

    public ObjectProperty<UserSort> sortProperty() {
        return sort;
    }

    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    public ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty pageCountProperty() {
        return pageCount.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<UserCounts> countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** True while a search many users match is on screen but not counted yet. */
    public ReadOnlyBooleanProperty countingProperty() {
        return counting.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pageAllCheckedProperty() {
        return pageAllChecked.getReadOnlyProperty();
    }

    public ObservableList<UserRow> rows() {
        return rowsView;
    }

    public ObservableSet<Long> checkedIds() {
        return checkedIdsView;
    }

    public StringBinding statusTextProperty() {
        return statusText;
    }
}
