package org.enrollnotifier.app;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Where the problems of each import are kept, as a CSV file in {@code <data folder>/reports/} ({@link ImportProblems}). */
final class ImportReport {

    static final String FOLDER = "reports";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ImportReport() {
    }

    /** Where the report of an import into {@code storeName} at {@code when} is kept. */
    static Path pathFor(Path dataFolder, String storeName, Instant when) {
        String slug = storeName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return folder(dataFolder).resolve("import-" + (slug.isEmpty() ? "store" : slug) + "-" + STAMP.format(when)
                + ".csv");
    }

    static Path folder(Path dataFolder) {
        return dataFolder.resolve(FOLDER);
    }
}
