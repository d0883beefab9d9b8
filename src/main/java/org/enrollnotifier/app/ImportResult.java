package org.enrollnotifier.app;

import java.nio.file.Path;
import java.util.List;
import org.enrollnotifier.model.ImportProblem;

/**
 * What an import did to its identity store.
 *
 * @param report the CSV file listing every problem (written even when there is none, as a receipt)
 */
public record ImportResult(long storeId, String storeName, int added, int updated, int removed, int unchanged,
                           List<ImportProblem> problems, Path report) {

    public ImportResult {
        problems = List.copyOf(problems);
    }

    public String summary() {
        return storeName + ": " + added + " added, " + updated + " updated, " + removed + " removed, " + unchanged
                + " unchanged; " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + ". Report: " + report;
    }
}
