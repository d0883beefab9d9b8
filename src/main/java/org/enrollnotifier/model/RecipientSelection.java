package org.enrollnotifier.model;

import java.util.Objects;
import java.util.Set;

/**
 * Whom "Notify All Users" addresses: the checked users when there are any, otherwise everyone
 * the query lists, on every page.
 */
public record RecipientSelection(UserQuery query, Set<Long> checkedIds) {

    public RecipientSelection {
        Objects.requireNonNull(query, "query");
        checkedIds = Set.copyOf(checkedIds);
    }

    public boolean byChecks() {
        return !checkedIds.isEmpty();
    }
}
