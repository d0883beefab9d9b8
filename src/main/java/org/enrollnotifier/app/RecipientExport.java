package org.enrollnotifier.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.LeftOutUser;
import org.enrollnotifier.model.Recipient;

/** Writes a recipient list as CSV (UTF-8, header row) for review outside the application. */
public final class RecipientExport {

    static final String[] HEADER = {"Display name", "Email", "Username", "Identity store", "Enrolled types",
        "Will be notified", "Left out because"};

    private RecipientExport() {
    }

    private static final int BATCH = 1_000;

    /** Writes the recipients, then the left-out users, a page at a time; returns the rows written. */
    public static long write(Path file, Recipients list) throws IOException {
        long[] rows = {0};
        CsvFiles.write(file, HEADER, csv -> {
            Recipients.<Recipient, IOException>readAll(list::recipients, BATCH, page -> {
                for (Recipient recipient : page) {
                    row(csv, recipient.user(), recipient.address(), "yes", "");
                }
                rows[0] += page.size();
            });
            Recipients.<LeftOutUser, IOException>readAll(list::leftOut, BATCH, page -> {
                for (LeftOutUser left : page) {
                    row(csv, left.user(), left.user().email() == null ? "" : left.user().email(), "no",
                            left.reason().label());
                }
                rows[0] += page.size();
            });
        });
        return rows[0];
    }

    private static void row(CSVPrinter csv, DirectoryUser user, String address, String notified, String reason)
            throws IOException {
        csv.printRecord(CsvFiles.cell(user.displayName()), CsvFiles.cell(address), CsvFiles.cell(user.username()), CsvFiles.cell(user.storeName()),
                user.enrolledTypes().stream().map(EnrollmentType::label).collect(Collectors.joining(", ")),
                notified, reason);
    }
}
