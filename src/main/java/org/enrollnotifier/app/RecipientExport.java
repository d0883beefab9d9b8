package org.enrollnotifier.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.EnrollmentType;

/** Writes a recipient list as CSV (UTF-8, header row) for review outside the application. */
public final class RecipientExport {

    static final String[] HEADER = {"Display name", "Email", "Username", "Identity store", "Enrolled types",
        "Will be notified", "Left out because"};

    private RecipientExport() {
    }

    private static final int BATCH = 1_000;

    /** Prints one item as a row. */
    @FunctionalInterface
    private interface RowPrinter<T> {
        void print(CSVPrinter csv, T item) throws IOException;
    }

    /** Writes the recipients, then the left-out users, a page at a time; returns the rows written. */
    public static long write(Path file, Recipients list) throws IOException {
        long[] rows = {0};
        CsvFiles.write(file, HEADER, csv -> {
            rows[0] += printAll(csv, list::recipients,
                    (out, recipient) -> row(out, recipient.user(), recipient.address(), "yes", ""));
            rows[0] += printAll(csv, list::leftOut, (out, left) -> row(out, left.user(),
                    left.user().email() == null ? "" : left.user().email(), "no", left.reason().label()));
        });
        return rows[0];
    }

    private static <T> long printAll(CSVPrinter csv, BiFunction<Recipients.Cursor, Integer, Recipients.Page<T>> pages,
                                     RowPrinter<T> printer) throws IOException {
        long printed = 0;
        Recipients.Cursor from = null;
        do {
            Recipients.Page<T> page = pages.apply(from, BATCH);
            for (T item : page.items()) {
                printer.print(csv, item);
            }
            printed += page.items().size();
            from = page.next();
        } while (from != null);
        return printed;
    }

    private static void row(CSVPrinter csv, DirectoryUser user, String address, String notified, String reason)
            throws IOException {
        csv.printRecord(CsvFiles.cell(user.displayName()), CsvFiles.cell(address), CsvFiles.cell(user.username()), CsvFiles.cell(user.storeName()),
                user.enrolledTypes().stream().map(EnrollmentType::label).collect(Collectors.joining(", ")),
                notified, reason);
    }
}
