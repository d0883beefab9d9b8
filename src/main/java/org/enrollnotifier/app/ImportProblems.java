package org.enrollnotifier.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.enrollnotifier.model.ImportProblem;

/**
 * The problems of one import, as they come: each written at once to a file that becomes the
 * import's report, the first {@value #KEPT} kept to show. A million users whose every row had a
 * problem (an enrollment column in another format, say) ran the import out of memory with every
 * problem kept; it then failed in the next transaction's stead, saying it could not start one.
 */
final class ImportProblems implements AutoCloseable {

    static final int KEPT = 1_000;

    private final CsvFiles.Partial report;
    private final List<ImportProblem> first = new ArrayList<>();
    private long count;

    /** @param folder where the report will be kept; the problems are written beside it until then */
    ImportProblems(Path folder) throws IOException {
        Files.createDirectories(folder);
        report = new CsvFiles.Partial(folder, "Where", "Field", "Problem");
    }

    /** From any thread: the source reports on its reading thread. */
    synchronized void add(ImportProblem problem) {
        try {
            report.csv().printRecord(CsvFiles.cell(problem.location()), CsvFiles.cell(problem.field()),
                    CsvFiles.cell(problem.reason()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (first.size() < KEPT) {
            first.add(problem);
        }
        count++;
    }

    /** The first {@value #KEPT}, in the order they came. */
    synchronized List<ImportProblem> first() {
        return List.copyOf(first);
    }

    synchronized long count() {
        return count;
    }

    /** Ends the file and puts it in place as {@code file}. */
    synchronized void keepAs(Path file) throws IOException {
        report.keepAs(file);
    }

    /** Drops the file unless it was kept. */
    @Override
    public synchronized void close() {
        try {
            report.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
