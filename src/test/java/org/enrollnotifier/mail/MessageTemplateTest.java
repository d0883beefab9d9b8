package org.enrollnotifier.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class MessageTemplateTest {

    private static final Map<String, String> JANE = Map.of(
            "firstName", "Jane",
            "lastName", "Doe",
            "displayName", "Jane Doe",
            "identityStore", "Contoso AD",
            "enrollmentTypes", "SMS, Authenticator",
            "enrollmentUrl", "https://enroll.example.com/?a=1&b=2");

    @Test
    void flagsMisspelledPlaceholdersOnceInOrderOfAppearanceButNotKnownOnes() {
        String template = "Hi {frstName} {firstName}, see {url} and {frstName} again; {not a token} {}";

        assertEquals(List.of("{frstName}", "{url}"), MessageTemplate.unknownPlaceholders(template));
    }

    @Test
    void everyKnownPlaceholderIsAccepted() {
        String allKnown = String.join(" ", MessageTemplate.PLACEHOLDERS.stream().map(p -> "{" + p + "}").toList());

        assertEquals(List.of(), MessageTemplate.unknownPlaceholders(allKnown));
    }

    @Test
    void aTemplateCompiledOnceRendersEachRecipientWithOnlyTheirOwnValues() {
        String template = "Hello {firstName} & {frstName},\n\nStart at {enrollmentUrl}\nfor {identityStore}.";
        Map<String, String> bob = Map.of("firstName", "<Bob>", "identityStore", "Fabrikam",
                "enrollmentUrl", "not a link");
        MessageTemplate.Compiled text = MessageTemplate.compileText(template);
        MessageTemplate.Compiled html = MessageTemplate.compileHtml(template);

        assertEquals("Hello Jane & {frstName},\n\nStart at https://enroll.example.com/?a=1&b=2\nfor Contoso AD.",
                text.render(JANE));
        assertEquals("Hello <Bob> & {frstName},\n\nStart at not a link\nfor Fabrikam.", text.render(bob));
        String janeHtml = html.render(JANE);
        String bobHtml = html.render(bob);
        assertTrue(janeHtml.contains("<p style=\"margin: 0 0 1em 0;\">Hello Jane &amp; {frstName},</p>"), janeHtml);
        assertTrue(janeHtml.contains("<a href=\"https://enroll.example.com/?a=1&amp;b=2\">"), janeHtml);
        assertTrue(bobHtml.contains("Hello &lt;Bob&gt; &amp; {frstName},</p>"), bobHtml);
        assertTrue(bobHtml.contains("Start at not a link<br>\nfor Fabrikam.</p>"), bobHtml);
        assertFalse(bobHtml.contains("Jane") || bobHtml.contains("<a "), bobHtml);
    }

    @Test
    void textRenderFillsKnownPlaceholdersBlanksMissingValuesAndKeepsUnknownTokens() {
        String rendered = MessageTemplate.renderText("Hello {firstName} {username}, {frstName}!", JANE);

        assertEquals("Hello Jane , {frstName}!", rendered);
    }

    @Test
    void htmlRenderEscapesMarkupFromTheTemplateAndFromValues() {
        Map<String, String> values = Map.of("firstName", "<script>alert(1)</script>", "lastName", "Smith & Sons");

        String html = MessageTemplate.renderHtml("<script>x()</script> Tom & Jerry {firstName} {lastName}", values);

        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;x()&lt;/script&gt; Tom &amp; Jerry "
                + "&lt;script&gt;alert(1)&lt;/script&gt; Smith &amp; Sons"), html);
    }

    static Stream<String> placeholders() {
        return MessageTemplate.PLACEHOLDERS.stream();
    }

    @ParameterizedTest
    @MethodSource("placeholders")
    void everyPlaceholderValueIsEscapedInTheHtmlPart(String placeholder) {
        String hostile = "<img src=x onerror=alert(1)>&\"'";

        String html = MessageTemplate.renderHtml("Value: {" + placeholder + "}", Map.of(placeholder, hostile));

        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("onerror=alert(1)>"), html);
        assertTrue(html.contains("&lt;img"), html);
    }

    @Test
    void htmlRenderTurnsLinesIntoBreaksAndBlankLinesIntoParagraphs() {
        String html = MessageTemplate.renderHtml("Hello {firstName},\r\n\r\nline one\nline two\n", JANE);

        assertTrue(html.contains(">Hello Jane,</p>"), html);
        assertTrue(html.contains(">line one<br>\nline two</p>"), html);
    }

    @Test
    void htmlRenderIsACompleteUtf8Document() {
        String html = MessageTemplate.renderHtml("Hello", JANE);

        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<meta charset=\"UTF-8\">"), html);
        assertTrue(html.strip().endsWith("</html>"), html);
    }

    @Test
    void htmlRenderLinksAWebEnrollmentAddressWithTheAddressEscaped() {
        String html = MessageTemplate.renderHtml("Start here: {enrollmentUrl}", JANE);

        String escaped = "https://enroll.example.com/?a=1&amp;b=2";
        assertTrue(html.contains("Start here: <a href=\"" + escaped + "\">" + escaped + "</a>"), html);
    }

    @Test
    void htmlRenderDoesNotLinkAnAddressThatIsNotAWebAddressOrBreaksOutOfTheAttribute() {
        String script = MessageTemplate.renderHtml("{enrollmentUrl}", Map.of("enrollmentUrl", "javascript:alert(1)"));
        String quoted = MessageTemplate.renderHtml("{enrollmentUrl}",
                Map.of("enrollmentUrl", "https://x.example/\"onmouseover=\"alert(1)"));

        assertFalse(script.contains("<a "), script);
        assertTrue(script.contains("javascript:alert(1)"), script);
        assertFalse(quoted.contains("\"onmouseover"), quoted);
        assertTrue(quoted.contains("<a href=\"https://x.example/&quot;onmouseover=&quot;alert(1)\">"), quoted);
    }

    @Test
    void defaultsUseOnlyKnownPlaceholdersAndAddressTheUserWithTheLink() {
        String message = MessageTemplate.defaultMessage();

        assertEquals(List.of(), MessageTemplate.unknownPlaceholders(MessageTemplate.defaultSubject()));
        assertEquals(List.of(), MessageTemplate.unknownPlaceholders(message));
        assertFalse(MessageTemplate.defaultSubject().contains("\n"));
        for (String used : List.of("{firstName}", "{displayName}", "{identityStore}", "{enrollmentTypes}",
                "{enrollmentUrl}")) {
            assertTrue(message.contains(used), used);
        }
    }
}
