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
        Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".partial", ".csv");
        try {
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
                 CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(header).get().print(writer)) {
                rows.print(csv);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
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
