package org.enrollnotifier.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;

/** Messages with non-ASCII names for the transport tests, and the check that one arrived intact. */
final class TestMessages {

    private TestMessages() {
    }

    static OutgoingMessage toZoe(int number) {
        Map<String, String> values = Map.of("firstName", "Zoë", "enrollmentUrl", "https://enroll.example.com/");
        String template = "Hello {firstName} & welcome,\n\nmessage " + number + " – enroll at {enrollmentUrl}";
        return new OutgoingMessage("msg-" + number + ".a1b2@enroll.example.com", "Hëlpdesk Ünit",
                "helpdesk@example.com", "Zoë Ødegaard", "zoe.odegaard@example.com",
                "Bitte einschreiben, Zoë Ødegaard (" + number + ")", MessageTemplate.renderText(template, values),
                MessageTemplate.renderHtml(template, values));
    }

    static void assertArrivedIntact(OutgoingMessage sent, MimeMessage received) throws Exception {
        assertEquals(sent.subject(), received.getSubject());
        assertEquals(new InternetAddress(sent.fromAddress(), sent.fromName(), "UTF-8"), received.getFrom()[0]);
        InternetAddress to = (InternetAddress) received.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertEquals(sent.toAddress(), to.getAddress());
        assertEquals(sent.toName(), to.getPersonal());
        assertEquals("<" + sent.messageId() + ">", received.getMessageID());
        assertEquals("auto-generated", received.getHeader("Auto-Submitted", null));
        assertEquals("All", received.getHeader("X-Auto-Response-Suppress", null));
        assertTrue(received.getSentDate() != null, "Date header");

        assertTrue(received.isMimeType("multipart/alternative"), received.getContentType());
        Multipart alternatives = (Multipart) received.getContent();
        assertEquals(2, alternatives.getCount());
        assertPart("text/plain", sent.text(), alternatives.getBodyPart(0));
        assertPart("text/html", sent.html(), alternatives.getBodyPart(1));
    }

    private static void assertPart(String mimeType, String expected, Part part) throws Exception {
        assertTrue(part.isMimeType(mimeType), part.getContentType());
        assertTrue(part.getContentType().toUpperCase().contains("CHARSET=UTF-8"), part.getContentType());
        // On the wire every line ends in CRLF, whatever the text used.
        assertEquals(expected.replace("\r\n", "\n"), ((String) part.getContent()).replace("\r\n", "\n"));
    }
}
