package org.enrollnotifier.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
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
        CsvFiles.write(file, new String[] {"Where", "Field", "Problem"}, csv -> {
            for (ImportProblem problem : problems) {
                csv.printRecord(CsvFiles.cell(problem.location()), CsvFiles.cell(problem.field()),
                        CsvFiles.cell(problem.reason()));
            }
        });
        return file;
    }
}
