package org.enrollnotifier.model;

import java.util.Objects;

/**
 * Which users to list, in which order.
 *
 * @param storeId null for all identity stores
 * @param search  free text matched against names, username and email; blank for everyone
 */
public record UserQuery(Long storeId, String search, EnrollmentFilter filter, UserSort sort) {

    public static final UserQuery EVERYONE = new UserQuery(null, "", EnrollmentFilter.ALL_USERS, UserSort.DEFAULT);

    public UserQuery {
        search = Objects.requireNonNullElse(search, "").strip();
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(sort, "sort");
    }

    /**
     * Whom this query addresses, in words for dialogs and history: "Everyone listed in Corp,
     * search "smith", Not enrolled".
     *
     * @param storeName the store's name; null for all identity stores
     */
    public String audience(String storeName) {
        StringBuilder words = new StringBuilder("Everyone listed in ")
                .append(storeName == null ? "all identity stores" : storeName);
        if (!search.isEmpty()) {
            words.append(", search \"").append(search).append('"');
        }
        if (!filter.equals(EnrollmentFilter.ALL_USERS)) {
            words.append(", ").append(filter.label());
        }
        return words.toString();
    }

    public UserQuery withStore(Long newStoreId) {
        return new UserQuery(newStoreId, search, filter, sort);
    }

    public UserQuery withSearch(String newSearch) {
        return new UserQuery(storeId, newSearch, filter, sort);
    }

    public UserQuery withFilter(EnrollmentFilter newFilter) {
        return new UserQuery(storeId, search, newFilter, sort);
    }

    public UserQuery withSort(UserSort newSort) {
        return new UserQuery(storeId, search, filter, newSort);
    }
}
