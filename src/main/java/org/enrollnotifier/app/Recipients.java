package org.enrollnotifier.app;

import java.util.List;
import java.util.function.Function;
import org.enrollnotifier.model.LeftOutUser;
import org.enrollnotifier.model.Recipient;
import org.enrollnotifier.model.RecipientCounts;
import org.enrollnotifier.store.Database;
import org.enrollnotifier.store.RecipientSnapshot;
import org.enrollnotifier.store.SortKey;

/**
 * Whom a notification would address, resolved once by {@link Notifier#resolve}: the counts at
 * once, the users page by page in display-name order. Kept in the database's scratch space until
 * closed; queuing sends exactly these users. Blocking; call off the UI thread.
 */
public final class Recipients implements AutoCloseable {

    /** Where the next page starts; opaque to callers. */
    public static final class Cursor {
        private final SortKey after;

        private Cursor(SortKey after) {
            this.after = after;
        }

        /** Where the page this cursor follows ended, for other lists read a page at a time. */
        SortKey key() {
            return after;
        }
    }

    /** Some users, and the cursor for those that follow (null after the last). */
    public record Page<T>(List<T> items, Cursor next) {
        public Page {
            items = List.copyOf(items);
        }

        /**
         * The page of {@code rows}, read {@code limit} + 1 so that one more tells whether others
         * follow, each row's key placing the cursor after it.
         */
        static <R, T> Page<T> of(List<R> rows, int limit, Function<R, SortKey> key, Function<R, T> item) {
            List<R> shown = rows.subList(0, Math.min(limit, rows.size()));
            Cursor next = rows.size() > limit ? new Cursor(key.apply(shown.get(shown.size() - 1))) : null;
            return new Page<>(shown.stream().map(item).toList(), next);
        }
    }

    /** A list read a page at a time: up to {@code limit} items from a cursor (null: the first). Blocking. */
    @FunctionalInterface
    public interface PageSource<T> {
        Page<T> read(Cursor from, int limit);
    }

    /** Takes one page's items. */
    @FunctionalInterface
    public interface PageAction<T, E extends Exception> {
        void accept(List<T> items) throws E;
    }

    private final Database database;
    private final RecipientSnapshot snapshot;

    /** Hands every page of {@code source}, {@code batch} items at a time, first to last, to {@code action}. */
    public static <T, E extends Exception> void readAll(PageSource<T> source, int batch, PageAction<T, E> action)
            throws E {
        Cursor from = null;
        do {
            Page<T> page = source.read(from, batch);
            action.accept(page.items());
            from = page.next();
        } while (from != null);
    }

    Recipients(Database database, RecipientSnapshot snapshot) {
        this.database = database;
        this.snapshot = snapshot;
    }

    public RecipientCounts counts() {
        return snapshot.counts();
    }

    /** Up to {@code limit} recipients from {@code from} (null: the first). */
    public Page<Recipient> recipients(Cursor from, int limit) {
        return page(false, from, limit, row -> new Recipient(row.user(), row.address()));
    }

    /** Up to {@code limit} left-out users from {@code from} (null: the first), each with the reason. */
    public Page<LeftOutUser> leftOut(Cursor from, int limit) {
        return page(true, from, limit, row -> new LeftOutUser(row.user(), row.reason()));
    }

    private <T> Page<T> page(boolean leftOut, Cursor from, int limit, Function<RecipientSnapshot.Row, T> item) {
        List<RecipientSnapshot.Row> rows = database.scratch(c ->
                snapshot.page(c, leftOut, from == null ? null : from.after, limit + 1));
        return Page.of(rows, limit, RecipientSnapshot.Row::key, item);
    }

    RecipientSnapshot snapshot() {
        return snapshot;
    }

    /** Frees the scratch space; the recipients can no longer be read or queued. */
    @Override
    public void close() {
        database.scratch(c -> {
            snapshot.drop(c);
            return null;
        });
    }
}
