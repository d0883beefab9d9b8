package org.enrollnotifier.app;

import java.nio.file.Path;
import java.util.List;
import org.enrollnotifier.model.ImportProblem;

/**
 * What an import did to its identity store.
 *
 * @param source       what was imported: the store's users, or only who has enrolled with what
 * @param problems     the first {@value ImportProblems#KEPT} problems, of {@code problemCount}
 * @param report       the CSV file listing every problem (written even when there is none, as a receipt)
 */
public record ImportResult(Source source, long storeId, String storeName, int added, int updated, int removed,
                           int unchanged, List<ImportProblem> problems, long problemCount, Path report) {

    /** An import of users makes the store equal to its source; an enrollment report only updates users. */
    public enum Source { USERS, ENROLLMENT }

    public ImportResult {
        problems = List.copyOf(problems);
    }

    public String summary() {
        String changes = source == Source.ENROLLMENT
                ? "enrollment updated for " + updated + (updated == 1 ? " user, " : " users, ") + unchanged + " unchanged"
                : added + " added, " + updated + " updated, " + removed + " removed, " + unchanged + " unchanged";
        return storeName + ": " + changes + "; " + problemCount + (problemCount == 1 ? " problem" : " problems")
                + ". Report: " + report;
    }
}
