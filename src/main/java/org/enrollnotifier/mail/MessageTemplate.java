package org.enrollnotifier.mail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
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
        return replacePlaceholders(template, values, Map.of(), text -> text);
    }

    /**
     * A complete HTML document of the template: every literal and every value is escaped, so neither
     * the operator nor a directory attribute can add markup; only the enrollment address becomes a link.
     */
    public static String renderHtml(String template, Map<String, String> values) {
        Map<String, String> links = htmlLinks(values);
        StringBuilder body = new StringBuilder();
        for (String paragraph : PARAGRAPH_BREAK.split(template.strip())) {
            List<String> lines = new ArrayList<>();
            for (String line : LINE_BREAK.split(paragraph, -1)) {
                lines.add(replacePlaceholders(line, values, links, MessageTemplate::escapeHtml));
            }
            body.append("<p style=\"margin: 0 0 1em 0;\">").append(String.join("<br>\n", lines)).append("</p>\n");
        }
        return """
                <!DOCTYPE html>
                <html>
                <head>
                <meta charset="UTF-8">
                <meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
                </head>
                <body style="font-family: 'Segoe UI', Arial, sans-serif; font-size: 14px; line-height: 1.5; \
                color: #1f2328;">
                """ + body + "</body>\n</html>\n";
    }

    /** Values that render as finished markup instead of escaped text. */
    private static Map<String, String> htmlLinks(Map<String, String> values) {
        String address = Objects.requireNonNullElse(values.get(ENROLLMENT_URL), "").strip();
        if (!WEB_ADDRESS.matcher(address).matches()) {
            return Map.of();
        }
        String escaped = escapeHtml(address);
        return Map.of(ENROLLMENT_URL, "<a href=\"" + escaped + "\">" + escaped + "</a>");
    }

    private static String replacePlaceholders(String template, Map<String, String> values,
            Map<String, String> markup, UnaryOperator<String> escape) {
        StringBuilder result = new StringBuilder();
        Matcher matcher = PLACEHOLDER.matcher(template);
        int literalStart = 0;
        while (matcher.find()) {
            String name = matcher.group(1);
            result.append(escape.apply(template.substring(literalStart, matcher.start())));
            if (markup.containsKey(name)) {
                result.append(markup.get(name));
            } else if (PLACEHOLDERS.contains(name)) {
                result.append(escape.apply(Objects.requireNonNullElse(values.get(name), "")));
            } else {
                result.append(escape.apply(matcher.group()));
            }
            literalStart = matcher.end();
        }
        return result.append(escape.apply(template.substring(literalStart))).toString();
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
