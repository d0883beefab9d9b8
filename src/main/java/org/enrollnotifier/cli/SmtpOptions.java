package org.enrollnotifier.cli;

import java.io.Console;
import java.util.Locale;
import java.util.Map;
import org.enrollnotifier.model.DeliveryLimits;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.SmtpSecurity;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** SMTP settings for one run: the saved ones, overridden by options; the password from the environment or a prompt. */
final class SmtpOptions {

    static final String PASSWORD_VARIABLE = "ENROLL_NOTIFIER_SMTP_PASSWORD";

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--smtp-host", paramLabel = "HOST", description = "SMTP server. Without one, mail goes to the pickup folder.")
    private String host;

    @Option(names = "--smtp-port", paramLabel = "PORT", description = "SMTP port. Default: 587, or 465 with tls, 25 with none.")
    private Integer port;

    @Option(names = "--smtp-security", paramLabel = "MODE", description = "starttls (default), tls or none.",
            converter = SecurityConverter.class)
    private SmtpSecurity security;

    @Option(names = "--smtp-user", paramLabel = "USER", description = "SMTP login; the password comes from $"
            + PASSWORD_VARIABLE + " or a prompt.")
    private String user;

    @Option(names = "--from", paramLabel = "ADDRESS", description = "Sender address.")
    private String from;

    @Option(names = "--rate", paramLabel = "N", description = "At most N messages a minute, over all connections"
            + " (0: no limit).")
    private Integer rate;

    MailSettings apply(MailSettings saved) {
        SmtpSecurity chosenSecurity = security != null ? security : saved.security();
        int chosenPort = port != null ? port
                : security != null ? chosenSecurity.defaultPort() : saved.port();
        MailSettings settings = saved.withServer(host != null ? host : saved.host(), chosenPort, chosenSecurity,
                user != null ? user : saved.username());
        MailSettings sender = from == null ? settings : settings.withSender(settings.fromName(), from);
        if (rate == null) {
            return sender;
        }
        DeliveryLimits limits = sender.limits();
        try {
            return sender.withLimits(new DeliveryLimits(rate, limits.maxAttempts(), limits.retryFor()));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--rate: " + e.getMessage());
        }
    }

    /** The password, or null when none is needed or none could be had. */
    static char[] password(MailSettings settings, Map<String, String> environment, Console console) {
        if (!settings.smtpConfigured() || !settings.needsLogin()) {
            return new char[0];
        }
        return Passwords.fromEnvironmentOrPrompt(PASSWORD_VARIABLE, environment, console,
                "SMTP password for %s at %s: ", settings.username(), settings.host());
    }

    /** Accepts the modes in any case. */
    static final class SecurityConverter implements ITypeConverter<SmtpSecurity> {
        @Override
        public SmtpSecurity convert(String value) {
            return SmtpSecurity.valueOf(value.strip().toUpperCase(Locale.ROOT));
        }
    }
}
