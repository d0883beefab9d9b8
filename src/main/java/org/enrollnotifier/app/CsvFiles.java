package org.enrollnotifier.app;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** CSV files for people to open: UTF-8, a header row, spreadsheet formulas defused, never half-written. */
final class CsvFiles {

    /** Prints the rows of one file. */
    @FunctionalInterface
    interface Rows {
        void print(CSVPrinter csv) throws IOException;
    }

    private CsvFiles() {
    }

    /** Writes to a temporary file beside the target and moves it into place, so a failure leaves no half file. */
    static void write(Path file, String[] header, Rows rows) throws IOException {
        try (Partial partial = new Partial(file.toAbsolutePath().getParent(), header)) {
            rows.print(partial.csv());
            partial.keepAs(file);
        }
    }

    /**
     * A CSV file written in a folder under a temporary name, rows at a time: moved into place whole
     * by {@link #keepAs}, else deleted when closed.
     */
    static final class Partial implements AutoCloseable {

        private final Path temporary;
        private final CSVPrinter csv;

        Partial(Path folder, String... header) throws IOException {
            temporary = Files.createTempFile(folder, ".partial", ".csv");
            try {
                Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
                csv = CSVFormat.DEFAULT.builder().setHeader(header).get().print(writer);
            } catch (IOException e) {
                Files.deleteIfExists(temporary);
                throw e;
            }
        }

        CSVPrinter csv() {
            return csv;
        }

        /** Ends the file and moves it to {@code file}. */
        void keepAs(Path file) throws IOException {
            csv.close();
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }

        /** Deletes the file unless it was kept. */
        @Override
        public void close() throws IOException {
            csv.close();
            Files.deleteIfExists(temporary);
        }
    }

    /** Directory values that look like spreadsheet formulas are defused, so opening the file runs nothing. */
    static String cell(String value) {
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
