package org.enrollnotifier.app;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.enrollnotifier.model.DeliveryLimits;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.SmtpSecurity;
import org.enrollnotifier.store.Database;
import org.enrollnotifier.store.SettingsRepository;

/** Mail settings kept in the database; the password is not among them. */
public final class MailSettingsStore {

    private static final String HOST = "smtp.host";
    private static final String PORT = "smtp.port";
    private static final String SECURITY = "smtp.security";
    private static final String USER = "smtp.user";
    private static final String FROM_NAME = "mail.from.name";
    private static final String FROM_ADDRESS = "mail.from.address";
    private static final String CONNECT_TIMEOUT = "smtp.connect.timeout.seconds";
    private static final String READ_TIMEOUT = "smtp.read.timeout.seconds";
    private static final String PARALLEL = "smtp.parallel.connections";
    private static final String ENROLLMENT_URL = "enrollment.url";
    private static final String RATE = "delivery.rate.per.minute";
    private static final String ATTEMPTS = "delivery.max.attempts";
    private static final String RETRY_FOR = "delivery.retry.for.minutes";

    private final Database database;
    private final SettingsRepository settings = new SettingsRepository();

    public MailSettingsStore(Workspace workspace) {
        this.database = workspace.database();
    }

    public MailSettings load() {
        Map<String, String> saved = database.read(settings::all);
        MailSettings d = MailSettings.DEFAULT;
        return new MailSettings(
                saved.getOrDefault(HOST, d.host()),
                read(saved, PORT, Integer::parseInt, d.port()),
                read(saved, SECURITY, SmtpSecurity::valueOf, d.security()),
                saved.getOrDefault(USER, d.username()),
                saved.getOrDefault(FROM_NAME, d.fromName()),
                saved.getOrDefault(FROM_ADDRESS, d.fromAddress()),
                read(saved, CONNECT_TIMEOUT, s -> Duration.ofSeconds(Long.parseLong(s)), d.connectTimeout()),
                read(saved, READ_TIMEOUT, s -> Duration.ofSeconds(Long.parseLong(s)), d.readTimeout()),
                read(saved, PARALLEL, Integer::parseInt, d.parallelConnections()),
                saved.getOrDefault(ENROLLMENT_URL, d.enrollmentUrl()),
                new DeliveryLimits(read(saved, RATE, Integer::parseInt, d.limits().messagesPerMinute()),
                        read(saved, ATTEMPTS, Integer::parseInt, d.limits().maxAttempts()),
                        read(saved, RETRY_FOR, s -> Duration.ofMinutes(Long.parseLong(s)), d.limits().retryFor())));
    }

    public void save(MailSettings mail) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(HOST, mail.host());
        values.put(PORT, Integer.toString(mail.port()));
        values.put(SECURITY, mail.security().name());
        values.put(USER, mail.username());
        values.put(FROM_NAME, mail.fromName());
        values.put(FROM_ADDRESS, mail.fromAddress());
        values.put(CONNECT_TIMEOUT, Long.toString(mail.connectTimeout().toSeconds()));
        values.put(READ_TIMEOUT, Long.toString(mail.readTimeout().toSeconds()));
        values.put(PARALLEL, Integer.toString(mail.parallelConnections()));
        values.put(ENROLLMENT_URL, mail.enrollmentUrl());
        values.put(RATE, Integer.toString(mail.limits().messagesPerMinute()));
        values.put(ATTEMPTS, Integer.toString(mail.limits().maxAttempts()));
        values.put(RETRY_FOR, Long.toString(mail.limits().retryFor().toMinutes()));
        database.write(c -> {
            settings.putAll(c, values);
            return null;
        });
    }

    /** A value saved by an older or hand-edited database that no longer parses falls back to the default. */
    private static <T> T read(Map<String, String> saved, String key, Function<String, T> parse, T fallback) {
        String value = saved.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return parse.apply(value);
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
