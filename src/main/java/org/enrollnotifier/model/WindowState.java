package org.enrollnotifier.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * How the operator left the helpdesk window, to open it the same way next time. Each part is
 * empty until it has been saved once.
 *
 * @param storeName the identity store picked, by name, since ids change when a store is re-created
 */
public record WindowState(Optional<WindowBounds> bounds, Optional<String> storeName, OptionalInt pageSize) {

    public static final WindowState NONE = new WindowState(Optional.empty(), Optional.empty(), OptionalInt.empty());

    public WindowState {
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(storeName, "storeName");
        Objects.requireNonNull(pageSize, "pageSize");
    }
}
