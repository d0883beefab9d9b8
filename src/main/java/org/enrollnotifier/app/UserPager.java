package org.enrollnotifier.app;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.enrollnotifier.model.UserCounts;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.store.AllStoresAnchors;
import org.enrollnotifier.store.Database;
import org.enrollnotifier.store.DirectoryUserRepository;
import org.enrollnotifier.store.DirectoryUserRepository.KeyedUser;
import org.enrollnotifier.store.ListingAnchors;
import org.enrollnotifier.store.SearchPlan;
import org.enrollnotifier.store.SortKey;

/**
 * Reads one listing page by page with keyset pagination. It remembers the key each visited page
 * starts after, so next/previous cost one indexed seek; a jump to an unvisited page skips keys
 * from the nearest remembered page, the store's nearest {@link ListingAnchors anchor}, or back
 * from the end, whichever is closest.
 *
 * <p>A search that many users match is not counted up front: its first page comes first, and
 * {@link #counts(BooleanSupplier)} counts it when asked, as the window does right after. Nor is a
 * search listed in the display-name order, whose matches are read in order: a page of them costs
 * the same however many there are, so finding out whether they are few would only add a read.
 *
 * <p>Not thread-safe: use from one background thread.
 */
public final class UserPager {

    /** Up to this many matches, sorting them costs less than walking the order of a large store. */
    static final long FEW_MATCHES = 5_000;
    /**
     * How many users of the order a page of a many-match search checks one by one before asking
     * the search index which of them match: enough for a term most users share, cheap when it misses.
     */
    static final int CHECKED_WINDOW = 1_000;

    private final Database database;
    private final DirectoryUserRepository users;
    private final ListingAnchors anchors;
    private final AllStoresAnchors allStoresAnchors;
    private final UserQuery query;
    private final int pageSize;
    private final boolean searches;
    private final int checkedWindow;
    /** A search this selective is answered from its matches, sorted. */
    private final boolean fewMatches;
    private final SearchPlan manyMatchesPlan;
    /** Null until counted. */
    private UserCounts counts;
    /** page index → key of the last row before it; page 0 starts at the beginning. */
    private final Map<Integer, SortKey> pageStarts = new HashMap<>();

    UserPager(Database database, DirectoryUserRepository users, ListingAnchors anchors, UserQuery query,
              int pageSize) {
        this(database, users, anchors, query, pageSize, FEW_MATCHES, CHECKED_WINDOW);
    }

    /** With other thresholds than the ones tuned for a large store, so a small one can exercise every plan. */
    UserPager(Database database, DirectoryUserRepository users, ListingAnchors anchors, UserQuery query,
              int pageSize, long fewMatchesAtMost, int checkedWindow) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive: " + pageSize);
        }
        this.database = database;
        this.users = users;
        this.anchors = anchors;
        this.allStoresAnchors = new AllStoresAnchors(anchors);
        this.query = query;
        this.pageSize = pageSize;
        this.searches = !query.search().isBlank();
        this.checkedWindow = checkedWindow;
        this.manyMatchesPlan = SearchPlan.forManyMatches(query);
        if (searches && manyMatchesPlan != SearchPlan.MATCHES_IN_ORDER) {
            fewMatches = database.read(c -> users.matchesAtMost(c, query, fewMatchesAtMost));
            counts = fewMatches ? database.read(c -> users.count(c, query)) : null;
        } else {
            fewMatches = false;
            counts = searches ? null : database.read(c -> users.count(c, query));
        }
    }

    public boolean serves(UserQuery otherQuery, int otherPageSize) {
        return query.equals(otherQuery) && pageSize == otherPageSize;
    }

    /** The counts, when they cost nothing more: always without a search, and for a selective one. */
    public Optional<UserCounts> knownCounts() {
        return Optional.ofNullable(counts);
    }

    public UserCounts counts() {
        return counts(() -> false);
    }

    /**
     * Counts the listing, once: for a search many users match this costs in proportion to them.
     *
     * @throws java.util.concurrent.CancellationException when {@code abandoned} says so first
     */
    public UserCounts counts(BooleanSupplier abandoned) {
        if (counts == null) {
            counts = database.readUnless(abandoned, c -> users.count(c, query));
        }
        return counts;
    }

    public int pageCount() {
        return (int) Math.max(1, (counts().listed() + pageSize - 1) / pageSize);
    }

    /**
     * A page; before the listing is counted, its page count is the pages known to exist: up to
     * this one, and the next when this one is full. A jump to a page not known to exist counts the
     * listing first, so one past the end shows the last.
     */
    public UserPage page(int requestedIndex) {
        boolean known = counts != null || requestedIndex <= 0 || pageStarts.containsKey(requestedIndex);
        int index = Math.max(0, known && counts == null ? requestedIndex : Math.min(requestedIndex, pageCount() - 1));
        List<KeyedUser> rows = isUnvisitedLastPage(index)
                ? database.read(c -> users.lastPage(c, query, rowsIn(index), plan()))
                : rowsAfter(startOf(index).orElse(null), rowsIn(index));
        boolean full = rows.size() == pageSize;
        if (full) {
            pageStarts.put(index + 1, rows.get(rows.size() - 1).key());
        }
        int pageCount = counts == null ? index + (full ? 2 : 1) : pageCount();
        return new UserPage(index, pageCount, knownCounts(), rows.stream().map(KeyedUser::user).toList());
    }

    /** The last page, not reached by walking: read from the end rather than found by a skip. */
    private boolean isUnvisitedLastPage(int index) {
        return counts != null && index > 0 && index == pageCount() - 1 && !pageStarts.containsKey(index);
    }

    /**
     * How many rows a page holds: a full page, or once counted, what is left for the last one. A
     * read asked for exactly those stops at the last listed user; asked for a full page, it went on
     * looking to the end of the order: a type's filter sorted by status, the page after the one
     * before the last took 9–44 ms on a million users, past the users of every other status.
     */
    private int rowsIn(int index) {
        return counts == null ? pageSize : (int) Math.max(0, Math.min(pageSize, counts.listed() - (long) index * pageSize));
    }

    private List<KeyedUser> rowsAfter(SortKey start, int rows) {
        return database.read(c -> rowsAfter(c, start, rows));
    }

    /**
     * How rows are found: the index's matches sorted when few; else each row checked while walking
     * an order whose index holds the search key, or the index's matches kept while walking another
     * order, after the cheaper first try of {@link #rowsAfter}. Without a search all plans are the same.
     */
    private SearchPlan plan() {
        return fewMatches ? SearchPlan.SORT_MATCHES : manyMatchesPlan;
    }

    private List<KeyedUser> rowsAfter(Connection c, SortKey start, int rows) throws SQLException {
        if (searches && plan() == SearchPlan.CHECK_INDEX) {
            List<KeyedUser> checked = users.pageWithin(c, query, start, rows, checkedWindow);
            if (checked.size() == rows) {
                return checked;
            }
        }
        return users.page(c, query, start, rows, plan());
    }

    private Optional<SortKey> startOf(int index) {
        if (index == 0) {
            return Optional.empty();
        }
        SortKey known = pageStarts.get(index);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<SortKey> start = database.read(c -> keyOfRow(c, (long) index * pageSize - 1, index));
        start.ifPresent(key -> pageStarts.put(index, key));
        return start;
    }

    /** A walk to a row: from a key (null: the listing's start, or its end walking backwards), skipping rows. */
    private record Walk(SortKey from, long skip, boolean backwards) {
    }

    /** The key of {@code row} (the last before page {@code index}), walking from the nearest known place. */
    private Optional<SortKey> keyOfRow(Connection c, long row, int index) throws SQLException {
        int nearest = pageStarts.keySet().stream().filter(i -> i < index).max(Integer::compare).orElse(0);
        Walk shortest = new Walk(pageStarts.get(nearest), row - (long) nearest * pageSize, false);
        if (counts != null && counts.listed() - 1 - row < shortest.skip()) {
            shortest = new Walk(null, counts.listed() - 1 - row, true);
        }
        Optional<Walk> fromAnchor = walkFromAnchor(c, row);
        if (fromAnchor.isPresent() && fromAnchor.get().skip() < shortest.skip()) {
            shortest = fromAnchor.get();
        }
        if (shortest.skip() < 0) {
            return Optional.of(shortest.from());
        }
        return users.keyAt(c, query, shortest.from(), shortest.skip(), shortest.backwards(), plan());
    }

    /**
     * From the nearest anchor at or before {@code row}, kept by each store for each filter in
     * ascending order (all stores' found from them): a descending listing walks back to them.
     * Skip -1: the anchor's key serves as the row's. Descending, it would not: an anchor's key lies
     * after its row, so the rows before it include that row; there the anchor must lie before the row.
     */
    private Optional<Walk> walkFromAnchor(Connection c, long row) throws SQLException {
        if (searches) {
            return Optional.empty();
        }
        boolean ascending = query.sort().ascending();
        long ascendingRow = ascending ? row : counts.listed() - 1 - row;
        long latest = ascending ? ascendingRow : ascendingRow - 1;
        Optional<ListingAnchors.Anchor> anchor = query.storeId() == null
                ? allStoresAnchors.atOrBefore(c, query.filter(), query.sort().field(), latest)
                : anchors.atOrBefore(c, query.storeId(), query.filter(), query.sort().field(), latest,
                        counts.listed());
        return anchor.map(found -> new Walk(found.key(), ascendingRow - found.row() - 1, !ascending));
    }
}
