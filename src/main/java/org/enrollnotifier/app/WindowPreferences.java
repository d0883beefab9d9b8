package org.enrollnotifier.app;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.enrollnotifier.model.WindowBounds;
import org.enrollnotifier.model.WindowState;
import org.enrollnotifier.store.Database;
import org.enrollnotifier.store.SettingsRepository;

/** The helpdesk window's size, position, identity store and page size, kept in the data folder's settings. */
public final class WindowPreferences {

    static final String X = "window.x";
    static final String Y = "window.y";
    static final String WIDTH = "window.width";
    static final String HEIGHT = "window.height";
    static final String STORE = "window.store";
    static final String PAGE_SIZE = "window.pageSize";

    private final Database database;
    private final SettingsRepository settings = new SettingsRepository();

    public WindowPreferences(Workspace workspace) {
        this.database = workspace.database();
    }

    /** A value that no longer parses (a hand-edited database) counts as never saved. */
    public WindowState load() {
        Map<String, String> saved = database.read(settings::all);
        OptionalDouble x = number(saved.get(X));
        OptionalDouble y = number(saved.get(Y));
        OptionalDouble width = number(saved.get(WIDTH));
        OptionalDouble height = number(saved.get(HEIGHT));
        Optional<WindowBounds> bounds = x.isPresent() && y.isPresent() && width.isPresent() && height.isPresent()
                && width.getAsDouble() > 0 && height.getAsDouble() > 0
                ? Optional.of(new WindowBounds(x.getAsDouble(), y.getAsDouble(), width.getAsDouble(),
                        height.getAsDouble()))
                : Optional.empty();
        return new WindowState(bounds, Optional.ofNullable(saved.get(STORE)), wholeNumber(saved.get(PAGE_SIZE)));
    }

    /** Saves the parts that are present and leaves the others as they were. */
    public void save(WindowState state) {
        Map<String, String> values = new LinkedHashMap<>();
        state.bounds().ifPresent(bounds -> {
            values.put(X, Double.toString(bounds.x()));
            values.put(Y, Double.toString(bounds.y()));
            values.put(WIDTH, Double.toString(bounds.width()));
            values.put(HEIGHT, Double.toString(bounds.height()));
        });
        state.storeName().ifPresent(name -> values.put(STORE, name));
        state.pageSize().ifPresent(size -> values.put(PAGE_SIZE, Integer.toString(size)));
        database.write(c -> {
            settings.putAll(c, values);
            return null;
        });
    }

    private static OptionalInt wholeNumber(String value) {
        if (value == null) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static OptionalDouble number(String value) {
        if (value == null) {
            return OptionalDouble.empty();
        }
        try {
            double parsed = Double.parseDouble(value);
            return Double.isFinite(parsed) ? OptionalDouble.of(parsed) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
