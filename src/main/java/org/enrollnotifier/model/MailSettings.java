package org.enrollnotifier.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How notifications leave: the SMTP server (or, while no host is set, the pickup folder), the
 * sender, and the enrollment portal the message points to. Never holds the SMTP password.
 *
 * @param host                 blank: not configured, messages go to the pickup folder
 * @param parallelConnections  SMTP connections used at once, each sending many messages
 * @param limits               rate limit and retry bounds
 */
public record MailSettings(
        String host,
        int port,
        SmtpSecurity security,
        String username,
        String fromName,
        String fromAddress,
        Duration connectTimeout,
        Duration readTimeout,
        int parallelConnections,
        String enrollmentUrl,
        DeliveryLimits limits) {

    public static final MailSettings DEFAULT = new MailSettings("", SmtpSecurity.STARTTLS.defaultPort(),
            SmtpSecurity.STARTTLS, "", "Helpdesk", "helpdesk@example.com", Duration.ofSeconds(15),
            Duration.ofSeconds(60), 4, "https://enroll.example.com/", DeliveryLimits.DEFAULT);

    public MailSettings {
        host = Objects.requireNonNullElse(host, "").strip();
        Objects.requireNonNull(security, "security");
        username = Objects.requireNonNullElse(username, "").strip();
        fromName = Objects.requireNonNullElse(fromName, "").strip();
        fromAddress = Objects.requireNonNullElse(fromAddress, "").strip();
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        enrollmentUrl = Objects.requireNonNullElse(enrollmentUrl, "").strip();
        Objects.requireNonNull(limits, "limits");
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("SMTP port must be 1–65535, not " + port);
        }
        if (parallelConnections < 1 || parallelConnections > 32) {
            throw new IllegalArgumentException("parallel connections must be 1–32, not " + parallelConnections);
        }
    }

    /** Settings with the default rate limit and retry bounds. */
    public MailSettings(String host, int port, SmtpSecurity security, String username, String fromName,
                        String fromAddress, Duration connectTimeout, Duration readTimeout, int parallelConnections,
                        String enrollmentUrl) {
        this(host, port, security, username, fromName, fromAddress, connectTimeout, readTimeout, parallelConnections,
                enrollmentUrl, DeliveryLimits.DEFAULT);
    }

    /** False while no SMTP host is set: mail then goes to the pickup folder. */
    public boolean smtpConfigured() {
        return !host.isEmpty();
    }

    public boolean needsLogin() {
        return !username.isEmpty();
    }

    public MailSettings withServer(String newHost, int newPort, SmtpSecurity newSecurity, String newUsername) {
        return new MailSettings(newHost, newPort, newSecurity, newUsername, fromName, fromAddress, connectTimeout,
                readTimeout, parallelConnections, enrollmentUrl, limits);
    }

    public MailSettings withSender(String newFromName, String newFromAddress) {
        return new MailSettings(host, port, security, username, newFromName, newFromAddress, connectTimeout,
                readTimeout, parallelConnections, enrollmentUrl, limits);
    }

    public MailSettings withParallelConnections(int connections) {
        return new MailSettings(host, port, security, username, fromName, fromAddress, connectTimeout, readTimeout,
                connections, enrollmentUrl, limits);
    }

    public MailSettings withLimits(DeliveryLimits newLimits) {
        return new MailSettings(host, port, security, username, fromName, fromAddress, connectTimeout, readTimeout,
                parallelConnections, enrollmentUrl, newLimits);
    }
}
