package org.enrollnotifier.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class MimeMessagesTest {

    private static final Session SESSION = Session.getInstance(new Properties());

    /** Text that quoted-printable must escape, wrap or keep: '=', non-ASCII, a long line, trailing space, dots. */
    private static final String AWKWARD_TEXT = "Grüße, Zoë = 1 + 1 – see below \n"
            + "x".repeat(200) + "ø\n"
            + ".\n"
            + ". a line that starts with a dot\n"
            + "日本語のテキスト".repeat(12) + "\n"
            + "tab at the end\t\n";

    @Test
    void bothAlternativesGoAsQuotedPrintableInLinesOf76AndDecodeToTheExactText() throws Exception {
        OutgoingMessage message = new OutgoingMessage("qp-1@enroll.example.com", "Helpdesk", "helpdesk@example.com",
                "Zoë Ødegaard", "zoe@example.com", "Subject", AWKWARD_TEXT, "<p>" + AWKWARD_TEXT + "</p>");

        byte[] wire = write(MimeMessages.create(SESSION, message));

        for (String line : new String(wire, StandardCharsets.US_ASCII).split("\r\n")) {
            assertTrue(line.length() <= 76, "a line of " + line.length() + " characters: " + line);
        }
        Multipart alternatives = (Multipart) new MimeMessage(SESSION, new ByteArrayInputStream(wire)).getContent();
        assertPart("text/plain", message.text(), (MimeBodyPart) alternatives.getBodyPart(0));
        assertPart("text/html", message.html(), (MimeBodyPart) alternatives.getBodyPart(1));
    }

    @Test
    void theMessageIsSevenBitSoItNeedsNoServerExtension() throws Exception {
        OutgoingMessage message = new OutgoingMessage("qp-2@enroll.example.com", "Hëlpdesk", "helpdesk@example.com",
                "Zoë", "zoe@example.com", "Grüße", AWKWARD_TEXT, AWKWARD_TEXT);

        for (byte b : write(MimeMessages.create(SESSION, message))) {
            assertTrue(b >= 0, "a byte above 127 on the wire");
        }
    }

    @Test
    void longNonAsciiNamesAndSubjectAreFoldedWithinTheLineLimitAndReadBackExactly() throws Exception {
        String longName = "Zoë Ødegaard-Lønningdal von und zu Fitzgerald-Smythe Ångström";
        OutgoingMessage message = new OutgoingMessage("fold-1@enroll.example.com", "Hëlpdesk " + longName,
                "helpdesk@example.com", longName, "zoe@example.com",
                "Grüße: bitte für die Selbstbedienung anmelden, " + longName, "text", "<p>html</p>");

        byte[] wire = write(MimeMessages.create(SESSION, message));

        for (String line : new String(wire, StandardCharsets.US_ASCII).split("\r\n")) {
            assertTrue(line.length() <= 76, "a line of " + line.length() + " characters: " + line);
        }
        MimeMessage read = new MimeMessage(SESSION, new ByteArrayInputStream(wire));
        assertEquals(message.subject(), read.getSubject());
        assertEquals(new InternetAddress(message.fromAddress(), message.fromName(), "UTF-8"), read.getFrom()[0]);
        InternetAddress to = (InternetAddress) read.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertEquals(message.toName(), to.getPersonal());
        assertEquals(message.toAddress(), to.getAddress());
    }

    @Test
    void savingTheMessageTheWayTransportSendDoesKeepsItsMessageIdAndItsBytes() throws Exception {
        MimeMessage message = MimeMessages.create(SESSION, TestMessages.toZoe(7));
        byte[] before = write(message);

        message.saveChanges();

        assertArrayEquals(before, write(message));
        assertEquals("<" + TestMessages.toZoe(7).messageId() + ">", message.getMessageID());
    }

    @Test
    void theDateHeaderIsTheTimeOfWritingWithANumericZone() throws Exception {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        MimeMessage message = MimeMessages.create(SESSION, TestMessages.toZoe(8));

        String date = message.getHeader("Date", null);
        assertTrue(date.matches("[A-Z][a-z]{2}, \\d{1,2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}"), date);
        Instant written = message.getSentDate().toInstant();
        assertFalse(written.isBefore(before), written + " is before " + before);
        assertFalse(written.isAfter(Instant.now()), written + " is in the future");
    }

    private static void assertPart(String mimeType, String expected, MimeBodyPart part) throws Exception {
        assertTrue(part.isMimeType(mimeType), part.getContentType());
        assertEquals("quoted-printable", part.getEncoding());
        // quoted-printable sends each line end as CRLF, as SMTP wants
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8),
                ((String) part.getContent()).replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] write(MimeMessage message) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        message.writeTo(bytes);
        return bytes.toByteArray();
    }
}
