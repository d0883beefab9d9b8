package org.enrollnotifier.ui;

/** The sentence an exception carries for the operator, without class names or stack traces. */
final class ProblemText {

    private ProblemText() {
    }

    static String of(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? "Details are in the log file." : message;
    }
}
