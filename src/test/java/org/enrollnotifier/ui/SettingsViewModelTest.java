package org.enrollnotifier.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.enrollnotifier.app.MailSettingsStore;
import org.enrollnotifier.app.StartupProblem;
import org.enrollnotifier.app.Workspace;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.SmtpSecurity;
import org.enrollnotifier.testkit.DemoWorkspace;
import org.enrollnotifier.testkit.LoopbackSmtp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SettingsViewModelTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = LoopbackSmtp.server();

    @RegisterExtension
    final DemoWorkspace demo = new DemoWorkspace();
    private Workspace workspace;
    private final SessionPassword password = new SessionPassword();
    private SettingsViewModel model;

    @BeforeEach
    void open() throws StartupProblem {
        workspace = demo.get();
        model = new SettingsViewModel(workspace, new MailSettingsStore(workspace), password, new ManualBackground());
        model.load();
    }


    @Test
    void startsFromTheDefaultsWhichAreValid() {
        assertEquals("", model.hostProperty().get());
        assertEquals(SmtpSecurity.STARTTLS, model.securityProperty().get());
        assertEquals("587", model.portProperty().get());
        assertEquals("", model.problemsProperty().get());
    }

    @Test
    void eachBadValueIsNamed() {
        model.portProperty().set("smtp");
        model.fromAddressProperty().set("helpdesk at corp");
        model.enrollmentUrlProperty().set("enroll.corp.example");
        String problems = model.problemsProperty().get();
        assertTrue(problems.contains("The port must be a whole number."), problems);
        assertTrue(problems.contains("From address"), problems);
        assertTrue(problems.contains("https://"), problems);
    }

    @Test
    void pickingImplicitTlsMovesTheDefaultPortAlong() {
        model.securityProperty().set(SmtpSecurity.TLS);
        assertEquals("465", model.portProperty().get());
        model.portProperty().set("2465");
        model.securityProperty().set(SmtpSecurity.STARTTLS);
        assertEquals("2465", model.portProperty().get(), "a port the operator typed stays");
    }

    @Test
    void savingKeepsTheSettingsButThePasswordOnlyForTheSession() throws Exception {
        model.hostProperty().set("smtp.corp.example");
        model.usernameProperty().set("helpdesk");
        model.passwordProperty().set("s3cret-Pa55");
        model.parallelProperty().set("8");
        model.ratePerMinuteProperty().set("120");
        model.maxAttemptsProperty().set("7");
        model.save(() -> { });

        MailSettings saved = new MailSettingsStore(workspace).load();
        assertEquals("smtp.corp.example", saved.host());
        assertEquals("helpdesk", saved.username());
        assertEquals(8, saved.parallelConnections());
        assertEquals(120, saved.limits().messagesPerMinute());
        assertEquals(7, saved.limits().maxAttempts());
        assertEquals("s3cret-Pa55", new String(password.get()));
        demo.reopen();
        try (var files = Files.walk(demo.folder())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains("s3cret-Pa55"),
                        "the password is written to " + file);
            }
        }
    }

    @Test
    void testConnectionAndTestMessageReportWhatHappened() throws Exception {
        model.hostProperty().set("127.0.0.1");
        model.securityProperty().set(SmtpSecurity.NONE);
        model.portProperty().set(Integer.toString(SMTP.getSmtp().getPort()));
        model.testConnection();
        assertTrue(model.outcomeProperty().get().startsWith("Connected to 127.0.0.1:"), model.outcomeProperty().get());

        model.sendTestMessage("ops@corp.example");
        assertTrue(model.outcomeProperty().get().startsWith("Test message sent to ops@corp.example"),
                model.outcomeProperty().get());
        assertEquals(1, SMTP.getReceivedMessages().length);

        model.sendTestMessage("ops at corp");
        assertTrue(model.outcomeProperty().get().contains("is not a valid email address"), model.outcomeProperty().get());
        assertEquals(1, SMTP.getReceivedMessages().length);
    }
}
