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
import org.enrollnotifier.store.Database;
import org.enrollnotifier.store.DirectoryUserRepository;
import org.enrollnotifier.store.DirectoryUserRepository.KeyedUser;
import org.enrollnotifier.store.SearchPlan;
import org.enrollnotifier.store.SortKey;

/**
 * Reads one listing page by page with keyset pagination. It remembers the key each visited page
 * starts after, so next/previous cost one indexed seek; a jump to an unvisited page skips keys
 * from the nearest remembered page, or back from the end when that is closer.
 *
 * <p>A search that many users match is not counted up front: its first page comes first, and
 * {@link #counts(BooleanSupplier)} counts it when asked, as the window does right after.
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
    private final UserQuery query;
    private final int pageSize;
    private final boolean searches;
    private final int checkedWindow;
    /** A search this selective is answered from its matches, sorted. */
    private final boolean fewMatches;
    /** Null until counted. */
    private UserCounts counts;
    /** page index → key of the last row before it; page 0 starts at the beginning. */
    private final Map<Integer, SortKey> pageStarts = new HashMap<>();

    UserPager(Database database, DirectoryUserRepository users, UserQuery query, int pageSize) {
        this(database, users, query, pageSize, FEW_MATCHES, CHECKED_WINDOW);
    }

    /** With other thresholds than the ones tuned for a large store, so a small one can exercise every plan. */
    UserPager(Database database, DirectoryUserRepository users, UserQuery query, int pageSize, long fewMatchesAtMost,
              int checkedWindow) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive: " + pageSize);
        }
        this.database = database;
        this.users = users;
        this.query = query;
        this.pageSize = pageSize;
        this.searches = !query.search().isBlank();
        this.checkedWindow = checkedWindow;
        if (searches) {
            fewMatches = database.read(c -> users.matchesAtMost(c, query, fewMatchesAtMost));
            counts = fewMatches ? database.read(c -> users.count(c, query)) : null;
        } else {
            fewMatches = false;
            counts = database.read(c -> users.count(c, query));
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
        return pageCount(counts());
    }

    private int pageCount(UserCounts known) {
        return (int) Math.max(1, (known.listed() + pageSize - 1) / pageSize);
    }

    /**
     * A page; before the listing is counted, its page count is the pages known to exist: up to
     * this one, and the next when this one is full.
     */
    public UserPage page(int requestedIndex) {
        int index = Math.max(0, counts == null ? requestedIndex : Math.min(requestedIndex, pageCount() - 1));
        SortKey start = startOf(index).orElse(null);
        List<KeyedUser> rows = database.read(c -> rowsAfter(c, start));
        boolean full = rows.size() == pageSize;
        if (full) {
            pageStarts.put(index + 1, rows.get(rows.size() - 1).key());
        }
        int pageCount = counts == null ? index + (full ? 2 : 1) : pageCount();
        return new UserPage(index, pageCount, knownCounts(), rows.stream().map(KeyedUser::user).toList());
    }

    private List<KeyedUser> rowsAfter(Connection c, SortKey start) throws SQLException {
        if (!searches) {
            return users.page(c, query, start, pageSize, SearchPlan.CHECK_ROWS);
        }
        if (fewMatches) {
            return users.page(c, query, start, pageSize, SearchPlan.SORT_MATCHES);
        }
        List<KeyedUser> checked = users.pageWithin(c, query, start, pageSize, checkedWindow);
        return checked.size() == pageSize ? checked : users.page(c, query, start, pageSize, SearchPlan.CHECK_INDEX);
    }

    private Optional<SortKey> startOf(int index) {
        if (index == 0) {
            return Optional.empty();
        }
        SortKey known = pageStarts.get(index);
        if (known != null) {
            return Optional.of(known);
        }
        SearchPlan plan = fewMatches ? SearchPlan.SORT_MATCHES : SearchPlan.CHECK_INDEX;
        int nearest = pageStarts.keySet().stream().filter(i -> i < index).max(Integer::compare).orElse(0);
        long lastRowBefore = (long) index * pageSize - 1;
        long forwardSkip = lastRowBefore - (long) nearest * pageSize;
        long backwardSkip = counts == null ? Long.MAX_VALUE : counts.listed() - 1 - lastRowBefore;
        Optional<SortKey> start = database.read(c -> backwardSkip < forwardSkip
                ? users.keyAt(c, query, null, backwardSkip, true, plan)
                : users.keyAt(c, query, pageStarts.get(nearest), forwardSkip, false, plan));
        start.ifPresent(key -> pageStarts.put(index, key));
        return start;
    }
}
