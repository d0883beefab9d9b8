package org.enrollnotifier.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.enrollnotifier.app.MailCheck;
import org.enrollnotifier.app.MailSettingsStore;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.DeliveryLimits;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.SmtpSecurity;

/**
 * State of the Settings dialog: the mail settings as editable text, what is wrong with them, and
 * the outcome of "Test connection" / "Send test message to…". The password lives only in
 * {@link SessionPassword}.
 */
public final class SettingsViewModel {

    private static final Logger LOG = Logger.getLogger(SettingsViewModel.class.getName());

    private final Workspace workspace;
    private final MailSettingsStore store;
    private final SessionPassword password;
    private final Background background;

    private final StringProperty host = new SimpleStringProperty(this, "host", "");
    private final StringProperty port = new SimpleStringProperty(this, "port", "");
    private final ObjectProperty<SmtpSecurity> security = new SimpleObjectProperty<>(this, "security");
    private final StringProperty username = new SimpleStringProperty(this, "username", "");
    private final StringProperty passwordText = new SimpleStringProperty(this, "password", "");
    private final StringProperty fromName = new SimpleStringProperty(this, "fromName", "");
    private final StringProperty fromAddress = new SimpleStringProperty(this, "fromAddress", "");
    private final StringProperty connectTimeout = new SimpleStringProperty(this, "connectTimeout", "");
    private final StringProperty readTimeout = new SimpleStringProperty(this, "readTimeout", "");
    private final StringProperty parallel = new SimpleStringProperty(this, "parallel", "");
    private final StringProperty enrollmentUrl = new SimpleStringProperty(this, "enrollmentUrl", "");
    private final StringProperty ratePerMinute = new SimpleStringProperty(this, "ratePerMinute", "");
    private final StringProperty maxAttempts = new SimpleStringProperty(this, "maxAttempts", "");
    private final StringProperty retryHours = new SimpleStringProperty(this, "retryHours", "");
    private final ReadOnlyStringWrapper outcome = new ReadOnlyStringWrapper(this, "outcome", "");
    private final StringBinding problems;

    public SettingsViewModel(Workspace workspace, MailSettingsStore store, SessionPassword password,
                             Background background) {
        this.workspace = workspace;
        this.store = store;
        this.password = password;
        this.background = background;
        problems = Bindings.createStringBinding(() -> String.join(" ", problemsOf()), host, port, security,
                username, fromName, fromAddress, connectTimeout, readTimeout, parallel, enrollmentUrl, ratePerMinute,
                maxAttempts, retryHours);
        security.addListener((obs, old, now) -> {
            if (now != null && old != null && port.get().equals(Integer.toString(old.defaultPort()))) {
                port.set(Integer.toString(now.defaultPort()));
            }
        });
    }

    public void load() {
        background.run(store::load, this::show, e -> fail("Could not read the settings.", e));
    }

    private void show(MailSettings settings) {
        host.set(settings.host());
        security.set(settings.security());
        port.set(Integer.toString(settings.port()));
        username.set(settings.username());
        fromName.set(settings.fromName());
        fromAddress.set(settings.fromAddress());
        connectTimeout.set(Long.toString(settings.connectTimeout().toSeconds()));
        readTimeout.set(Long.toString(settings.readTimeout().toSeconds()));
        parallel.set(Integer.toString(settings.parallelConnections()));
        enrollmentUrl.set(settings.enrollmentUrl());
        ratePerMinute.set(Integer.toString(settings.limits().messagesPerMinute()));
        maxAttempts.set(Integer.toString(settings.limits().maxAttempts()));
        retryHours.set(Long.toString(settings.limits().retryFor().toHours()));
        passwordText.set(new String(password.get()));
    }

    private List<String> problemsOf() {
        List<String> found = new ArrayList<>();
        if (security.get() == null) {
            return found;
        }
        number(port.get(), 1, 65_535, "The port", found);
        number(connectTimeout.get(), 1, 600, "The connect timeout", found);
        number(readTimeout.get(), 1, 3_600, "The read timeout", found);
        number(parallel.get(), 1, 32, "Parallel connections", found);
        number(ratePerMinute.get(), 0, 100_000, "Messages per minute", found);
        number(maxAttempts.get(), 1, 50, "Attempts", found);
        number(retryHours.get(), 1, 720, "Retry for (hours)", found);
        MailCheck.addressProblem(fromAddress.get()).ifPresent(problem -> found.add("From address: " + problem));
        MailCheck.headerTextProblem("From name", fromName.get()).ifPresent(found::add);
        String url = enrollmentUrl.get().strip();
        if (!url.startsWith("https://") && !url.startsWith("http://")) {
            found.add("The enrollment portal URL must start with https:// or http://.");
        }
        return found;
    }

    private static void number(String text, int min, int max, String what, List<String> found) {
        try {
            int value = Integer.parseInt(text.strip());
            if (value < min || value > max) {
                found.add(what + " must be between " + min + " and " + max + ".");
            }
        } catch (NumberFormatException e) {
            found.add(what + " must be a whole number.");
        }
    }

    /** The settings as entered; only call when {@link #problemsProperty()} is empty. */
    MailSettings settings() {
        return new MailSettings(host.get(), Integer.parseInt(port.get().strip()), security.get(), username.get(),
                fromName.get(), fromAddress.get(), Duration.ofSeconds(Long.parseLong(connectTimeout.get().strip())),
                Duration.ofSeconds(Long.parseLong(readTimeout.get().strip())), Integer.parseInt(parallel.get().strip()),
                enrollmentUrl.get(), new DeliveryLimits(Integer.parseInt(ratePerMinute.get().strip()),
                        Integer.parseInt(maxAttempts.get().strip()), Duration.ofHours(Long.parseLong(retryHours.get().strip()))));
    }

    /** Saves the settings and keeps the password for this session; then calls {@code saved}. */
    public void save(Runnable saved) {
        if (!problems.get().isEmpty()) {
            return;
        }
        MailSettings settings = settings();
        password.set(passwordText.get().toCharArray());
        background.run(() -> {
            store.save(settings);
            return settings;
        }, done -> saved.run(), e -> fail("Could not save the settings.", e));
    }

    public void testConnection() {
        check(settings -> MailCheck.testConnection(workspace, settings, passwordText.get().toCharArray()));
    }

    public void sendTestMessage(String to) {
        check(settings -> MailCheck.sendTestMessage(workspace, settings, passwordText.get().toCharArray(), to));
    }

    private void check(Function<MailSettings, String> attempt) {
        if (!problems.get().isEmpty()) {
            outcome.set(problems.get());
            return;
        }
        MailSettings settings = settings();
        outcome.set("Trying " + (settings.smtpConfigured() ? settings.host() : "the pickup folder") + "…");
        background.run(() -> attempt.apply(settings), outcome::set, e -> fail("The check failed.", e));
    }

    private void fail(String what, Exception e) {
        LOG.log(Level.WARNING, what, e);
        outcome.set(what + " " + ProblemText.of(e));
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public ObjectProperty<SmtpSecurity> securityProperty() {
        return security;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return passwordText;
    }

    public StringProperty fromNameProperty() {
        return fromName;
    }

    public StringProperty fromAddressProperty() {
        return fromAddress;
    }

    public StringProperty connectTimeoutProperty() {
        return connectTimeout;
    }

    public StringProperty readTimeoutProperty() {
        return readTimeout;
    }

    public StringProperty parallelProperty() {
        return parallel;
    }

    public StringProperty enrollmentUrlProperty() {
        return enrollmentUrl;
    }

    public StringProperty ratePerMinuteProperty() {
        return ratePerMinute;
    }

    public StringProperty maxAttemptsProperty() {
        return maxAttempts;
    }

    public StringProperty retryHoursProperty() {
        return retryHours;
    }

    public ReadOnlyStringProperty outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public StringBinding problemsProperty() {
        return problems;
    }
}
