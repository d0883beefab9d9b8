package org.enrollnotifier.mail;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HeaderSafetyTest {

    @ParameterizedTest
    @ValueSource(strings = {"Hello\r\nBcc: x@example.com", "Hello\nthere", "Hello\rthere", "Tab\there",
            "Nul\u0000", "Next\u0085line", "Line\u2028separator"})
    void headerTextWithLineBreaksOrControlCharactersIsRefusedNamingTheField(String value) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> HeaderSafety.requireSafeHeaderText("subject", value));

        assertEquals("subject: line breaks or control characters are not allowed", refused.getMessage());
    }

    @Test
    void ordinaryHeaderTextIncludingNonAsciiIsAccepted() {
        assertDoesNotThrow(() -> HeaderSafety.requireSafeHeaderText("recipient name", "Zoë Ødegaard – 東京"));
    }

    @Test
    void aPlainAddressIsAcceptedWithItsDomainInLowerCase() {
        assertEquals("a.b@example.com", HeaderSafety.parseAddress("a.b@example.com"));
        assertEquals("Jane.Doe@example.com", HeaderSafety.parseAddress(" Jane.Doe@Example.COM "));
        assertEquals("helpdesk@localhost", HeaderSafety.parseAddress("helpdesk@localhost"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@b", "a@@b.com", "a b@c.com", "x@y.com\r\nBcc: z@w.com", "a@example.com, b@example.com",
            "Jane <jane@example.com>", "", "no-at-sign.example.com", "team: a@example.com;"})
    void anythingButOnePlainAddressWithADottedDomainIsRefused(String address) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> HeaderSafety.parseAddress(address));

        assertTrue(refused.getMessage().contains("is not a valid email address: "), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n") || refused.getMessage().contains("\r"),
                refused.getMessage());
    }
}
