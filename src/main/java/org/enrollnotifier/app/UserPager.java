package org.enrollnotifier.app;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.enrollnotifier.model.UserCounts;
import org.enrollnotifier.model.UserQuery;
import org.enrollnotifier.store.Database;
import org.enrollnotifier.store.DirectoryUserRepository;
import org.enrollnotifier.store.DirectoryUserRepository.KeyedUser;
import org.enrollnotifier.store.SortKey;

/**
 * Reads one listing page by page with keyset pagination. It remembers the key each visited page
 * starts after, so next/previous cost one indexed seek; a jump to an unvisited page skips keys
 * from the nearest remembered page, or back from the end when that is closer.
 *
 * <p>Not thread-safe: use from one background thread.
 */
public final class UserPager {

    /** Up to this many matches, sorting them costs less than walking the order of a large store. */
    static final long FEW_MATCHES = 5_000;

    private final Database database;
    private final DirectoryUserRepository users;
    private final UserQuery query;
    private final int pageSize;
    private final UserCounts counts;
    /** A search this selective is answered from its matches, sorted; see {@link DirectoryUserRepository#page}. */
    private final boolean fewMatches;
    /** page index → key of the last row before it; page 0 starts at the beginning. */
    private final Map<Integer, SortKey> pageStarts = new HashMap<>();

    UserPager(Database database, DirectoryUserRepository users, UserQuery query, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be positive: " + pageSize);
        }
        this.database = database;
        this.users = users;
        this.query = query;
        this.pageSize = pageSize;
        this.counts = database.read(c -> users.count(c, query));
        this.fewMatches = !query.search().isBlank() && counts.listed() <= FEW_MATCHES;
    }

    public boolean serves(UserQuery otherQuery, int otherPageSize) {
        return query.equals(otherQuery) && pageSize == otherPageSize;
    }

    public UserCounts counts() {
        return counts;
    }

    public int pageCount() {
        return (int) Math.max(1, (counts.listed() + pageSize - 1) / pageSize);
    }

    public UserPage page(int requestedIndex) {
        int index = Math.max(0, Math.min(requestedIndex, pageCount() - 1));
        List<KeyedUser> rows = database.read(c ->
                users.page(c, query, startOf(index).orElse(null), pageSize, fewMatches));
        if (rows.size() == pageSize) {
            pageStarts.put(index + 1, rows.get(rows.size() - 1).key());
        }
        return new UserPage(index, pageCount(), counts, rows.stream().map(KeyedUser::user).toList());
    }

    private Optional<SortKey> startOf(int index) {
        if (index == 0) {
            return Optional.empty();
        }
        SortKey known = pageStarts.get(index);
        if (known != null) {
            return Optional.of(known);
        }
        int nearest = pageStarts.keySet().stream().filter(i -> i < index).max(Integer::compare).orElse(0);
        long lastRowBefore = (long) index * pageSize - 1;
        long forwardSkip = lastRowBefore - (long) nearest * pageSize;
        long backwardSkip = counts.listed() - 1 - lastRowBefore;
        Optional<SortKey> start = database.read(c -> backwardSkip < forwardSkip
                ? users.keyAt(c, query, null, backwardSkip, true, fewMatches)
                : users.keyAt(c, query, pageStarts.get(nearest), forwardSkip, false, fewMatches));
        start.ifPresent(key -> pageStarts.put(index, key));
        return start;
    }
}
