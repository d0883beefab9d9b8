package org.enrollnotifier.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.enrollnotifier.app.Recipients;

/**
 * A list too long to hold, shown a page at a time: the page's items, where they stand
 * ("101–200 of 379,907"), and the way forwards and back. Pages are read in the background.
 */
final class CursorPages<T> {

    static final int PAGE_SIZE = 100;

    private final Background background;
    private final Consumer<Exception> onFailure;
    private Runnable onPageShown = () -> { };
    private final ObservableList<T> items = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper position = new ReadOnlyStringWrapper(this, "position", "");
    private final ReadOnlyBooleanWrapper hasPrevious = new ReadOnlyBooleanWrapper(this, "hasPrevious", false);
    private final ReadOnlyBooleanWrapper hasNext = new ReadOnlyBooleanWrapper(this, "hasNext", false);
    /** Where each page up to the shown one starts; the first starts at null. */
    private final List<Recipients.Cursor> starts = new ArrayList<>();
    private Recipients.Cursor next;
    private Recipients.PageSource<T> source;
    private long total;
    private long newestRead;

    CursorPages(Background background, Consumer<Exception> onFailure) {
        this.background = background;
        this.onFailure = onFailure;
    }

    /**
     * Runs after each page is in place, when every listener of {@link #items()} (a list control's
     * selection, say) has already reacted to it.
     */
    void setOnPageShown(Runnable action) {
        onPageShown = action;
    }

    /** Shows the first page of a new list of {@code total} items. */
    void show(Recipients.PageSource<T> newSource, long newTotal) {
        source = newSource;
        total = newTotal;
        starts.clear();
        starts.add(null);
        read();
    }

    void clear() {
        source = null;
        total = 0;
        starts.clear();
        next = null;
        newestRead++;
        items.clear();
        update();
        onPageShown.run();
    }

    void next() {
        if (next != null) {
            starts.add(next);
            read();
        }
    }

    void previous() {
        if (starts.size() > 1) {
            starts.remove(starts.size() - 1);
            read();
        }
    }

    private void read() {
        long request = ++newestRead;
        Recipients.PageSource<T> from = source;
        Recipients.Cursor start = starts.get(starts.size() - 1);
        background.run(() -> from.read(start, PAGE_SIZE), page -> {
            if (request == newestRead) {
                next = page.next();
                items.setAll(page.items());
                update();
                onPageShown.run();
            }
        }, e -> {
            if (request == newestRead) {
                onFailure.accept(e);
            }
        });
    }

    private void update() {
        hasPrevious.set(starts.size() > 1);
        hasNext.set(next != null);
        long first = (long) Math.max(0, starts.size() - 1) * PAGE_SIZE + 1;
        position.set(items.isEmpty() ? "" : String.format("%,d–%,d of %,d", first, first + items.size() - 1, total));
    }

    ObservableList<T> items() {
        return items;
    }

    ReadOnlyStringProperty positionProperty() {
        return position.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty hasPreviousProperty() {
        return hasPrevious.getReadOnlyProperty();
    }

    ReadOnlyBooleanProperty hasNextProperty() {
        return hasNext.getReadOnlyProperty();
    }
}
