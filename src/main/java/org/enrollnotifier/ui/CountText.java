package org.enrollnotifier.ui;

import java.text.NumberFormat;

/** Counted nouns as the operator reads them: "1 user", "12,345 users". */
final class CountText {

    private CountText() {
    }

    static String of(long count, String noun) {
        return NumberFormat.getIntegerInstance().format(count) + " " + (count == 1 ? noun : noun + "s");
    }

    static String number(long count) {
        return NumberFormat.getIntegerInstance().format(count);
    }
}
