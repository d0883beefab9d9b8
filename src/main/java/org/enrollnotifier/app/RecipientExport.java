package org.enrollnotifier.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
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

    public static void write(Path file, RecipientList list) throws IOException {
        CsvFiles.write(file, HEADER, csv -> {
            for (Recipient recipient : list.recipients()) {
                row(csv, recipient.user(), recipient.address(), "yes", "");
            }
            for (LeftOutUser left : list.leftOut()) {
                row(csv, left.user(), left.user().email() == null ? "" : left.user().email(), "no",
                        left.reason().label());
            }
        });
    }

    private static void row(CSVPrinter csv, DirectoryUser user, String address, String notified, String reason)
            throws IOException {
        csv.printRecord(CsvFiles.cell(user.displayName()), CsvFiles.cell(address), CsvFiles.cell(user.username()), CsvFiles.cell(user.storeName()),
                user.enrolledTypes().stream().map(EnrollmentType::label).collect(Collectors.joining(", ")),
                notified, reason);
    }
}
