package org.enrollnotifier.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.enrollnotifier.mail.HeaderSafety;
import org.enrollnotifier.mail.MessageTemplate;
import org.enrollnotifier.model.NotificationDraft;

/** What must hold before a draft may be queued, in sentences for the operator. */
public final class DraftCheck {

    private DraftCheck() {
    }

    /** Problems with the subject; empty when it can be sent. */
    public static List<String> subjectProblems(String subject) {
        List<String> problems = new ArrayList<>();
        if (subject == null || subject.isBlank()) {
            problems.add("Enter a subject.");
            return problems;
        }
        try {
            HeaderSafety.requireSafeHeaderText("Subject", subject);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        unknown(subject).ifPresent(problems::add);
        return problems;
    }

    /** Problems with the message; empty when it can be sent. */
    public static List<String> messageProblems(String message) {
        List<String> problems = new ArrayList<>();
        if (message == null || message.isBlank()) {
            problems.add("Enter a message.");
            return problems;
        }
        unknown(message).ifPresent(problems::add);
        return problems;
    }

    static void requireValid(NotificationDraft draft) {
        List<String> problems = new ArrayList<>(subjectProblems(draft.subject()));
        problems.addAll(messageProblems(draft.messageTemplate()));
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(" ", problems));
        }
    }

    private static Optional<String> unknown(String text) {
        List<String> unknown = MessageTemplate.unknownPlaceholders(text);
        if (unknown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("Unknown placeholder" + (unknown.size() == 1 ? " " : "s ") + String.join(", ", unknown)
                + ". Known: " + String.join(", ", MessageTemplate.PLACEHOLDERS.stream().map(n -> "{" + n + "}").toList())
                + ".");
    }
}
