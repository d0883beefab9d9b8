package org.enrollnotifier.app;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.LeftOutUser;
import org.enrollnotifier.model.Recipient;
import org.enrollnotifier.model.RecipientList;

/** Writes a recipient list as CSV (UTF-8, header row) for review outside the application. */
public final class RecipientExport {

    static final String[] HEADER = {"Display name", "Email", "Username", "Identity store", "Enrolled types",
        "Will be notified", "Left out because"};

    private RecipientExport() {
    }

    /** Writes to a temporary file beside the target and moves it into place, so a failure leaves no half file. */
    public static void write(Path file, RecipientList list) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(parent, ".recipients", ".csv");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
                 CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).get().print(writer)) {
                for (Recipient recipient : list.recipients()) {
                    row(csv, recipient.user(), recipient.address(), "yes", "");
                }
                for (LeftOutUser left : list.leftOut()) {
                    row(csv, left.user(), left.user().email() == null ? "" : left.user().email(), "no",
                            left.reason().label());
                }
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static void row(CSVPrinter csv, DirectoryUser user, String address, String notified, String reason)
            throws IOException {
        csv.printRecord(cell(user.displayName()), cell(address), cell(user.username()), cell(user.storeName()),
                user.enrolledTypes().stream().map(EnrollmentType::label).collect(Collectors.joining(", ")),
                notified, reason);
    }

    /** Directory values that look like spreadsheet formulas are defused, so opening the file runs nothing. */
    static String cell(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
