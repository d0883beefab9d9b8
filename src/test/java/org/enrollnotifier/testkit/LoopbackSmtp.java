package org.enrollnotifier.testkit;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import org.enrollnotifier.model.MailSettings;
import org.enrollnotifier.model.SmtpSecurity;

/** A real SMTP server (GreenMail) on a free loopback port, emptied before each test. */
public final class LoopbackSmtp {

    private LoopbackSmtp() {
    }

    public static GreenMailExtension server() {
        return new GreenMailExtension(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
    }

    /** Plain SMTP to that server: GreenMail offers no STARTTLS, so "none" has to be chosen, as an operator would. */
    public static MailSettings settingsFor(GreenMailExtension server) {
        return new MailSettings("127.0.0.1", server.getSmtp().getPort(), SmtpSecurity.NONE, "", "Helpdesk",
                "helpdesk@example.com", Duration.ofSeconds(5), Duration.ofSeconds(10), 3,
                "https://enroll.example.com/");
    }
}
