package org.enrollnotifier.model;

/** How the SMTP connection is protected. There is deliberately no "trust any certificate" choice. */
public enum SmtpSecurity {
    /** Plain connection upgraded with STARTTLS; the server must offer it. */
    STARTTLS("STARTTLS (required)", 587),
    /** TLS from the first byte ("SMTPS"). */
    TLS("Implicit TLS", 465),
    /** No encryption: only when the operator picks it explicitly. */
    NONE("None (unencrypted)", 25);

    private final String label;
    private final int defaultPort;

    SmtpSecurity(String label, int defaultPort) {
        this.label = label;
        this.defaultPort = defaultPort;
    }

    public String label() {
        return label;
    }

    public int defaultPort() {
        return defaultPort;
    }

    @Override
    public String toString() {
        return label;
    }
}
