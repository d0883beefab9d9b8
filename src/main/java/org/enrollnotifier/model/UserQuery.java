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
