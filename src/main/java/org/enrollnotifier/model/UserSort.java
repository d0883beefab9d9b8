package org.enrollnotifier.model;

import java.util.Objects;

/** The order users are listed in; ties are always broken by user id so paging is stable. */
public record UserSort(Field field, boolean ascending) {

    public enum Field { DISPLAY_NAME, USERNAME, EMAIL, IDENTITY_STORE, ENROLLMENT_STATUS }

    public static final UserSort DEFAULT = new UserSort(Field.DISPLAY_NAME, true);

    public UserSort {
        Objects.requireNonNull(field, "field");
    }
}
