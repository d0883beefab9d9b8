package org.enrollnotifier.store;

import java.util.List;

/**
 * Where a row stands in a listing's order: the values of the sort expressions, user id last.
 * Pages are read as "the next N rows after this key", so no page costs more than its own rows.
 */
public record SortKey(List<Object> values) {
    public SortKey {
        values = List.copyOf(values);
    }
}
