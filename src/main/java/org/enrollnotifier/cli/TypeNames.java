package org.enrollnotifier.cli;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.enrollnotifier.model.EnrollmentType;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Enrollment types as typed on a command line: {@code SMS}, {@code windows-hello}, {@code "Windows Hello"}, {@code all}. */
final class TypeNames {

    private TypeNames() {
    }

    static Set<EnrollmentType> parseList(CommandLine commandLine, String text) {
        if (text.strip().equalsIgnoreCase("all")) {
            return EnumSet.allOf(EnrollmentType.class);
        }
        Set<EnrollmentType> types = EnumSet.noneOf(EnrollmentType.class);
        for (String name : text.split(",")) {
            types.add(parseOne(commandLine, name));
        }
        return types;
    }

    static EnrollmentType parseOne(CommandLine commandLine, String name) {
        String wanted = normalise(name);
        return Arrays.stream(EnrollmentType.values())
                .filter(type -> normalise(type.name()).equals(wanted) || normalise(type.label()).equals(wanted))
                .findFirst()
                .orElseThrow(() -> new ParameterException(commandLine, "Unknown enrollment type '" + name.strip()
                        + "'. Known: " + String.join(", ", new Candidates()) + " (or all)."));
    }

    /** Each type as the help lists it and one would type it: {@code sms}, {@code windows-hello}. */
    static final class Candidates implements Iterable<String> {

        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(EnrollmentType.values())
                    .map(type -> type.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .iterator();
        }
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }
}
