package org.enrollnotifier.model;

/** Where an identity store's users come from. */
public enum StoreKind {
    ACTIVE_DIRECTORY("Active Directory"),
    ENTRA_ID("Microsoft Entra ID"),
    LDAP("LDAP directory"),
    CSV("CSV file");

    private final String label;

    StoreKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
