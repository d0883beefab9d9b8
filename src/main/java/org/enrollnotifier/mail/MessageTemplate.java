package org.enrollnotifier.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operator's subject and message with {@code {name}} placeholders, rendered once per recipient
 * as plain text and as HTML.
 */
public final class MessageTemplate {

    public static final String ENROLLMENT_URL = "enrollmentUrl";

    /** The placeholders a template may use, in the order the compose screen offers them. */
    public static final List<String> PLACEHOLDERS = List.of("firstName", "lastName", "displayName", "username",
            "email", "identityStore", "enrollmentTypes", ENROLLMENT_URL);

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");
    private static final Pattern PARAGRAPH_BREAK = Pattern.compile("\\R[\\h]*\\R\\s*");
    private static final Pattern LINE_BREAK = Pattern.compile("\\R");
    private static final Pattern WEB_ADDRESS = Pattern.compile("https?://\\S+", Pattern.CASE_INSENSITIVE);

    private static final String DEFAULT_SUBJECT = "Action needed: set up self-service sign-in recovery";

    private static final String DEFAULT_MESSAGE = """
            Hello {firstName},

            Our records show that your {identityStore} account ({displayName}) is not yet enrolled in \
            self-service password reset. Once it is, you can reset a forgotten password or unlock your \
            account yourself, at any hour, without waiting for the helpdesk.

            Enrolling takes only a few minutes. Please set up at least one of these methods: {enrollmentTypes}.

            Start here: {enrollmentUrl}

            If anything is unclear, simply reply to this message and we will be glad to help.

            Thank you,
            Your Helpdesk
            """;

    private MessageTemplate() {
    }

    public static String defaultSubject() {
        return DEFAULT_SUBJECT;
    }

    public static String defaultMessage() {
        return DEFAULT_MESSAGE;
    }

    /** The {@code {name}} tokens that are not placeholders, most likely typing mistakes, each once. */
    public static List<String> unknownPlaceholders(String template) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = PLACEHOLDER.matcher(template);
        while (matcher.find()) {
            if (!PLACEHOLDERS.contains(matcher.group(1))) {
                unknown.add(matcher.group());
            }
        }
        return List.copyOf(unknown);
    }

    /** Fills in the known placeholders; unknown tokens stay visible so a mistake is noticed, not hidden. */
    public static String renderText(String template, Map<String, String> values) {
        return compileText(template).render(values);
    }

    /**
     * A complete HTML document of the template: every literal and every value is escaped, so neither
     * the operator nor a directory attribute can add markup; only the enrollment address becomes a link.
     */
    public static String renderHtml(String template, Map<String, String> values) {
        return compileHtml(template).render(values);
    }

    /** The template as {@link #renderText} renders it, split once for rendering it for many recipients. */
    public static Compiled compileText(String template) {
        Compiled.Builder builder = new Compiled.Builder(false);
        builder.addLine(template);
        return builder.build();
    }

    /** The template as {@link #renderHtml} renders it, split once for rendering it for many recipients. */
    public static Compiled compileHtml(String template) {
        Compiled.Builder builder = new Compiled.Builder(true);
        builder.addLiteral("""
                <!DOCTYPE html>
                <html>
                <head>
                <meta charset="UTF-8">
                <meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
                </head>
                <body style="font-family: 'Segoe UI', Arial, sans-serif; font-size: 14px; line-height: 1.5; \
                color: #1f2328;">
                """);
        for (String paragraph : PARAGRAPH_BREAK.split(template.strip())) {
            builder.addLiteral("<p style=\"margin: 0 0 1em 0;\">");
            String[] lines = LINE_BREAK.split(paragraph, -1);
            for (int i = 0; i < lines.length; i++) {
                if (i > 0) {
                    builder.addLiteral("<br>\n");
                }
                builder.addLine(lines[i]);
            }
            builder.addLiteral("</p>\n");
        }
        builder.addLiteral("</body>\n</html>\n");
        return builder.build();
    }

    /**
     * A template split into its literal text, already escaped for HTML where it goes into HTML, and
     * its placeholders: rendering it for a recipient only joins the pieces with that recipient's
     * values, where rendering from the template scanned it with regular expressions every time.
     */
    public static final class Compiled {

        /** One more than {@link #placeholders}: the text before each placeholder, then the text after the last. */
        private final List<String> literals;
        private final List<String> placeholders;
        private final boolean html;
        private final int literalLength;

        private Compiled(List<String> literals, List<String> placeholders, boolean html) {
            this.literals = List.copyOf(literals);
            this.placeholders = List.copyOf(placeholders);
            this.html = html;
            this.literalLength = literals.stream().mapToInt(String::length).sum();
        }

        public String render(Map<String, String> values) {
            StringBuilder result = new StringBuilder(literalLength + 32 * placeholders.size());
            for (int i = 0; i < placeholders.size(); i++) {
                result.append(literals.get(i)).append(value(placeholders.get(i), values));
            }
            return result.append(literals.get(placeholders.size())).toString();
        }

        private String value(String placeholder, Map<String, String> values) {
            String value = Objects.requireNonNullElse(values.get(placeholder), "");
            if (!html) {
                return value;
            }
            String address = value.strip();
            if (placeholder.equals(ENROLLMENT_URL) && WEB_ADDRESS.matcher(address).matches()) {
                String escaped = escapeHtml(address);
                return "<a href=\"" + escaped + "\">" + escaped + "</a>";
            }
            return escapeHtml(value);
        }

        private static final class Builder {

            private final boolean html;
            private final List<String> literals = new ArrayList<>();
            private final List<String> placeholders = new ArrayList<>();
            private final StringBuilder literal = new StringBuilder();

            Builder(boolean html) {
                this.html = html;
            }

            void addLiteral(String markup) {
                literal.append(markup);
            }

            /** Adds a line of the template: known placeholders become slots, all else literal text. */
            void addLine(String line) {
                Matcher matcher = PLACEHOLDER.matcher(line);
                int literalStart = 0;
                while (matcher.find()) {
                    addText(line.substring(literalStart, matcher.start()));
                    if (PLACEHOLDERS.contains(matcher.group(1))) {
                        literals.add(literal.toString());
                        literal.setLength(0);
                        placeholders.add(matcher.group(1));
                    } else {
                        addText(matcher.group());
                    }
                    literalStart = matcher.end();
                }
                addText(line.substring(literalStart));
            }

            private void addText(String text) {
                literal.append(html ? escapeHtml(text) : text);
            }

            Compiled build() {
                literals.add(literal.toString());
                return new Compiled(literals, placeholders, html);
            }
        }
    }

    private static String escapeHtml(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.appendCodePoint(c);
            }
        });
        return escaped.toString();
    }
}
