package org.enrollnotifier.directory;

import java.util.Locale;

/** The user attributes an import can fill, each read from one column or attribute of the source. */
public enum UserField {
    EXTERNAL_ID,
    USERNAME,
    FIRST_NAME,
    LAST_NAME,
    DISPLAY_NAME,
    EMAIL,
    DEPARTMENT,
    ENROLLED_TYPES,
    ENROLLED_AT;

    /** The name an operator types, e.g. {@code firstName} in {@code --map firstName=GivenName}. */
    public String camelCaseName() {
        StringBuilder name = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }
}
