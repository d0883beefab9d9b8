package org.enrollnotifier.ui;

import java.util.List;
import org.enrollnotifier.model.StoreSummary;

/**
 * An entry of the identity store combo box.
 *
 * @param storeId null for "All identity stores"
 */
public record StoreChoice(Long storeId, String name, long userCount) {

    static final String ALL_STORES = "All identity stores";

    static StoreChoice allOf(List<StoreSummary> stores) {
        return new StoreChoice(null, ALL_STORES, stores.stream().mapToLong(StoreSummary::userCount).sum());
    }

    static StoreChoice of(StoreSummary summary) {
        return new StoreChoice(summary.store().id(), summary.store().name(), summary.userCount());
    }

    public String label() {
        return name + " (" + CountText.of(userCount, "user") + ")";
    }

    @Override
    public String toString() {
        return label();
    }
}
