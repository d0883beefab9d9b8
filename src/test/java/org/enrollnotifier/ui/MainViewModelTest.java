package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.enrollnotifier.app.UserDirectory;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentFilter;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.UserSort;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MainViewModelTest {

    @RegisterExtension
    static final DemoWorkspace WORKSPACE = new DemoWorkspace();

    private final ManualBackground background = new ManualBackground();
    private MainViewModel model;

    @BeforeEach
    void start() {
        model = new MainViewModel(new UserDirectory(WORKSPACE.get()), background);
        model.start();
    }

    @Test
    void startsOnAllIdentityStoresWithTheFirstPage() {
        List<StoreChoice> choices = model.storeChoices();
        assertEquals(4, choices.size());
        assertEquals(StoreChoice.ALL_STORES, choices.get(0).name());
        assertEquals(choices.stream().skip(1).mapToLong(StoreChoice::userCount).sum(), choices.get(0).userCount());
        assertEquals(choices.get(0), model.selectedStoreProperty().get());
        assertEquals(choices.get(0).userCount(), model.countsProperty().get().listed());
        assertEquals(25, model.rows().size());
        assertEquals(0, model.pageIndexProperty().get());
        assertEquals((int) Math.ceil(choices.get(0).userCount() / 25.0), model.pageCountProperty().get());
        assertFalse(model.loadingProperty().get());
    }

    @Test
    void switchingStoreListsOnlyThatStoreFromItsFirstPage() {
        model.nextPage();
        StoreChoice second = model.storeChoices().get(2);
        model.selectedStoreProperty().set(second);

        assertEquals(0, model.pageIndexProperty().get());
        assertEquals(second.userCount(), model.countsProperty().get().listed());
        assertTrue(model.rows().stream().allMatch(row -> row.user().storeId() == second.storeId()));
    }

    @Test
    void searchNarrowsTheListingAndTheCounts() {
        long everyone = model.countsProperty().get().listed();
        model.searchTextProperty().set("Smith");

        long smiths = model.countsProperty().get().listed();
        assertTrue(smiths > 0 && smiths < everyone, smiths + " of " + everyone);
        assertTrue(model.rows().stream().allMatch(row -> mentions(row.user(), "smith")));
    }

    @Test
    void notifyingIsPossibleOnlyWhileSomeoneIsListedOrChecked() {
        assertTrue(model.canNotifyProperty().get());

        model.searchTextProperty().set("no such person anywhere");

        assertEquals(0, model.countsProperty().get().listed());
        assertFalse(model.canNotifyProperty().get());
        model.searchTextProperty().set("Smith");
        assertTrue(model.canNotifyProperty().get());
    }

    @Test
    void theFilterKeepsOnlyMatchingUsers() {
        model.filterProperty().set(EnrollmentFilter.notEnrolledWith(EnrollmentType.SMS));
        assertFalse(model.rows().isEmpty());
        assertTrue(model.rows().stream().noneMatch(row -> row.user().enrolledTypes().contains(EnrollmentType.SMS)));

        model.filterProperty().set(EnrollmentFilter.NOT_ENROLLED);
        assertTrue(model.rows().stream().allMatch(row -> row.user().enrolledTypes().isEmpty()));
        assertTrue(model.rows().stream().allMatch(row -> row.enrollmentStatus().equals(UserRow.NOT_ENROLLED)));
    }

    @Test
    void checksAreUserIdsThatSurvivePagesSearchesAndStoreChanges() {
        UserRow onFirstPage = model.rows().get(3);
        model.toggle(onFirstPage);
        model.nextPage();
        UserRow onSecondPage = model.rows().get(0);
        model.toggle(onSecondPage);
        assertEquals(Set.of(onFirstPage.id(), onSecondPage.id()), model.checkedIds());

        model.searchTextProperty().set(onFirstPage.user().username());
        assertTrue(model.rows().stream().filter(row -> row.id() == onFirstPage.id()).allMatch(UserRow::isChecked));
        model.selectedStoreProperty().set(model.storeChoices().get(1));
        model.searchTextProperty().set("");
        model.selectedStoreProperty().set(model.storeChoices().get(0));

        assertEquals(Set.of(onFirstPage.id(), onSecondPage.id()), model.checkedIds());
        assertTrue(model.rows().get(3).isChecked());
        assertEquals(List.of(3), checkedPositions());
        assertTrue(model.statusTextProperty().get().contains("· 2 checked ·"), model.statusTextProperty().get());
    }

    @Test
    void theHeaderCheckboxChecksTheVisiblePageOnly() {
        model.setPageChecked(true);
        Set<Long> firstPage = model.rows().stream().map(UserRow::id).collect(Collectors.toSet());
        assertEquals(firstPage, model.checkedIds());
        assertTrue(model.pageAllCheckedProperty().get());

        model.nextPage();
        assertFalse(model.pageAllCheckedProperty().get());
        assertTrue(model.rows().stream().noneMatch(UserRow::isChecked));

        model.previousPage();
        model.setPageChecked(false);
        assertTrue(model.checkedIds().isEmpty());
    }

    @Test
    void clearChecksUnchecksEveryUserOnEveryPage() {
        model.toggle(model.rows().get(0));
        model.lastPage();
        model.toggle(model.rows().get(0));

        model.clearChecks();

        assertTrue(model.checkedIds().isEmpty());
        assertTrue(model.rows().stream().noneMatch(UserRow::isChecked));
    }

    @Test
    void theStatusLineCountsListedCheckedAndWithoutEmail() {
        model.selectedStoreProperty().set(model.storeChoices().get(3));
        model.toggle(model.rows().get(0));
        long listed = model.countsProperty().get().listed();
        long withoutEmail = model.countsProperty().get().withoutEmail();
        assertTrue(withoutEmail > 0);
        assertEquals(CountText.of(listed, "user") + " · 1 checked · " + CountText.number(withoutEmail)
                + " without email", model.statusTextProperty().get());
    }

    @Test
    void aBoundStatusLineFollowsEveryCheck() {
        javafx.beans.property.StringProperty shown = new javafx.beans.property.SimpleStringProperty();
        shown.bind(model.statusTextProperty());
        for (int checked = 1; checked <= 3; checked++) {
            model.toggle(model.rows().get(checked));
            assertTrue(shown.get().contains("· " + checked + " checked ·"), shown.get());
        }
    }

    @Test
    void pagingStaysWithinTheFirstAndLastPage() {
        model.previousPage();
        assertEquals(0, model.pageIndexProperty().get());
        model.lastPage();
        int last = model.pageCountProperty().get() - 1;
        assertEquals(last, model.pageIndexProperty().get());
        model.nextPage();
        assertEquals(last, model.pageIndexProperty().get());
        model.goToPage(2);
        assertEquals(2, model.pageIndexProperty().get());
    }

    @Test
    void aLargerPageSizeShowsMoreRowsFromTheFirstPage() {
        model.nextPage();
        model.pageSizeProperty().set(100);
        assertEquals(0, model.pageIndexProperty().get());
        assertEquals(100, model.rows().size());
    }

    @Test
    void sortingByAColumnReordersTheWholeListing() {
        model.sortProperty().set(new UserSort(UserSort.Field.USERNAME, false));
        List<String> usernames = model.rows().stream().map(row -> row.user().username().toLowerCase()).toList();
        assertEquals(usernames.stream().sorted(java.util.Comparator.reverseOrder()).toList(), usernames);
        model.lastPage();
        String lastOfAll = model.rows().get(model.rows().size() - 1).user().username().toLowerCase();
        assertTrue(lastOfAll.compareTo(usernames.get(usernames.size() - 1)) < 0);
    }

    @Test
    void onlyTheNewestAnswerIsShownWhenAnswersArriveOutOfOrder() {
        background.hold();
        model.searchTextProperty().set("Garcia");
        model.searchTextProperty().set("Nowak");
        assertTrue(model.loadingProperty().get());
        assertEquals(2, background.heldCount());

        background.release(1);
        List<UserRow> nowaks = List.copyOf(model.rows());
        background.release(0);

        assertEquals(nowaks, model.rows());
        assertTrue(model.rows().stream().allMatch(row -> mentions(row.user(), "nowak")));
        assertFalse(model.loadingProperty().get());
    }

    @Test
    void aSearchMostUsersMatchShowsItsFirstPageBeforeItsCount() {
        long withEmail = model.countsProperty().get().listed() - model.countsProperty().get().withoutEmail();
        background.hold();
        model.searchTextProperty().set("@");
        background.release(0);

        assertTrue(model.countingProperty().get());
        assertEquals("Counting users… · 0 checked", model.statusTextProperty().get());
        assertEquals(25, model.rows().size());
        assertEquals(2, model.pageCountProperty().get(), "the pages known so far");
        assertEquals(1, background.heldCount(), "the count, queued behind the page");

        background.release(0);
        assertFalse(model.countingProperty().get());
        assertEquals(withEmail, model.countsProperty().get().listed());
        assertEquals((int) Math.ceil(withEmail / 25.0), model.pageCountProperty().get());
    }

    @Test
    void theCountOfASearchTypedOverIsAbandoned() {
        background.hold();
        model.searchTextProperty().set("@");
        background.release(0);
        model.searchTextProperty().set("@ Smith");
        background.release(0);

        assertTrue(model.countingProperty().get(), "still waiting for the newest listing");
        assertEquals("", model.problemProperty().get());
        background.releaseAll();
        assertFalse(model.countingProperty().get());
        assertTrue(model.rows().stream().allMatch(row -> mentions(row.user(), "smith")));
        assertEquals(new UserDirectory(WORKSPACE.get()).pager(model.currentQuery(), 25).counts(),
                model.countsProperty().get());
    }

    @Test
    void notifyAddressesTheCheckedUsersOrElseEveryoneListed() {
        model.selectedStoreProperty().set(model.storeChoices().get(1));
        model.searchTextProperty().set("Smith");
        model.filterProperty().set(EnrollmentFilter.NOT_ENROLLED);
        assertEquals(model.currentQuery(), model.recipientSelection().query());
        assertFalse(model.recipientSelection().byChecks());
        assertEquals("Everyone listed in " + model.storeChoices().get(1).name() + ", search \"Smith\", Not enrolled",
                model.audience());

        model.toggle(model.rows().get(0));
        assertEquals(Set.of(model.rows().get(0).id()), model.recipientSelection().checkedIds());
        assertEquals("1 checked user", model.audience());
    }

    private List<Integer> checkedPositions() {
        return java.util.stream.IntStream.range(0, model.rows().size())
                .filter(i -> model.rows().get(i).isChecked()).boxed().toList();
    }

    private static boolean mentions(DirectoryUser user, String text) {
        String all = String.join(" ", user.firstName(), user.lastName(), user.displayName(), user.username(),
                user.email() == null ? "" : user.email()).toLowerCase();
        return all.contains(text);
    }
}
