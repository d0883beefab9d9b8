package org.enrollnotifier.app;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.enrollnotifier.model.ImportProblem;

/** The problems of one import as a CSV file in {@code <data folder>/reports/}. */
final class ImportReport {

    static final String FOLDER = "reports";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ImportReport() {
    }

    static Path write(Path dataFolder, String storeName, Instant when, List<ImportProblem> problems)
            throws IOException {
        Path folder = Files.createDirectories(dataFolder.resolve(FOLDER));
        String slug = storeName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        Path file = folder.resolve("import-" + (slug.isEmpty() ? "store" : slug) + "-" + STAMP.format(when) + ".csv");
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader("Where", "Field", "Problem").get().print(writer)) {
            for (ImportProblem problem : problems) {
                csv.printRecord(RecipientExport.cell(problem.location()), RecipientExport.cell(problem.field()),
                        RecipientExport.cell(problem.reason()));
            }
        }
        return file;
    }
}
