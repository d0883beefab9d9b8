package org.enrollnotifier.model;

import java.util.EnumSet;
import java.util.Set;

/** The self-service authentication methods a user can enroll with (GroupID 11 names). */
public enum EnrollmentType {
    SECURITY_QUESTIONS("Security Questions"),
    SMS("SMS"),
    EMAIL("Email"),
    AUTHENTICATOR("Authenticator"),
    LINKED_ACCOUNT("Linked Account"),
    YUBIKEY("YubiKey"),
    WINDOWS_HELLO("Windows Hello");

    private final String label;

    EnrollmentType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The bit this type occupies in a stored enrollment mask; the declaration order is persisted, so append only. */
    public int bit() {
        return 1 << ordinal();
    }

    public static int toMask(Set<EnrollmentType> types) {
        int mask = 0;
        for (EnrollmentType type : types) {
            mask |= type.bit();
        }
        return mask;
    }

    public static Set<EnrollmentType> fromMask(int mask) {
        Set<EnrollmentType> types = EnumSet.noneOf(EnrollmentType.class);
        for (EnrollmentType type : values()) {
            if ((mask & type.bit()) != 0) {
                types.add(type);
            }
        }
        return types;
    }

    @Override
    public String toString() {
        return label;
    }
}
