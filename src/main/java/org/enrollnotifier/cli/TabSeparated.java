package org.enrollnotifier.cli;

import java.util.Arrays;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One line of the commands' tab-separated output. A tab or line break inside a value (a server's
 * reply over several lines, a name imported before imports kept values on one line) becomes a
 * space, so that each record stays one line of as many fields as its header.
 */
final class TabSeparated {

    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("\\p{Cntrl}+");

    private TabSeparated() {
    }

    static String line(String... values) {
        return Arrays.stream(values).map(value -> CONTROL_CHARACTERS.matcher(value).replaceAll(" "))
                .collect(Collectors.joining("\t"));
    }
}
