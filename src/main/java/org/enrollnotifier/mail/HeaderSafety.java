package org.enrollnotifier.mail;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;
import java.util.Objects;

/**
 * Checks for text that ends up in a mail header. Names and addresses come from directories and
 * imports, so a line break in them would otherwise let anyone add headers such as Bcc.
 */
public final class HeaderSafety {

    private HeaderSafety() {
    }

    /** @throws IllegalArgumentException if the value holds a line break or another control character */
    public static void requireSafeHeaderText(String fieldName, String value) {
        Objects.requireNonNull(value, fieldName);
        if (value.codePoints().anyMatch(HeaderSafety::breaksHeader)) {
            throw new IllegalArgumentException(fieldName + ": line breaks or control characters are not allowed");
        }
    }

    /**
     * Parses one plain address such as {@code jane.doe@example.com}; display names, lists and groups
     * are refused.
     *
     * @return the address with its domain in lower case
     * @throws IllegalArgumentException naming the address and why it is not valid
     */
    public static String parseAddress(String address) {
        Objects.requireNonNull(address, "address");
        String candidate = address.strip();
        if (candidate.isEmpty()) {
            throw invalid(address, "it is empty");
        }
        if (candidate.codePoints().anyMatch(HeaderSafety::breaksHeader)) {
            throw invalid(address, "it contains line breaks or control characters");
        }
        InternetAddress parsed;
        try {
            parsed = new InternetAddress(candidate, true);
            parsed.validate();
        } catch (AddressException e) {
            throw invalid(address, e.getMessage());
        }
        if (parsed.isGroup() || parsed.getPersonal() != null || !candidate.equals(parsed.getAddress())) {
            throw invalid(address, "only a plain address like name@example.com is allowed");
        }
        // Strict parsing has already insisted on an @domain.
        int at = candidate.lastIndexOf('@');
        String domain = candidate.substring(at + 1).toLowerCase(Locale.ROOT);
        if (!domain.contains(".") && !domain.equals("localhost")) {
            throw invalid(address, "the domain \"" + domain + "\" has no dot");
        }
        return candidate.substring(0, at + 1) + domain;
    }

    private static boolean breaksHeader(int codePoint) {
        // U+2028 and U+2029 are not ISO controls, but some mail clients still show them as line breaks.
        return Character.isISOControl(codePoint) || codePoint == '\u2028' || codePoint == '\u2029';
    }

    private static IllegalArgumentException invalid(String address, String why) {
        return new IllegalArgumentException(
                "\"" + printable(address) + "\" is not a valid email address: " + why);
    }

    /** Shows control characters as escapes, so the error message itself is one safe line. */
    private static String printable(String text) {
        StringBuilder shown = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (breaksHeader(c)) {
                shown.append(String.format("\\u%04X", c));
            } else {
                shown.appendCodePoint(c);
            }
        });
        return shown.toString();
    }
}
