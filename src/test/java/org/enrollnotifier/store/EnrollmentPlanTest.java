package org.enrollnotifier.store;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each row of an enrollment report finds its users through the store's index of its key, rather
 * than each user of the store being compared with every row (a thousand-row report into a store
 * of a million did not finish in 200 s). SQLite has no statistics here, so its choices are the same
 * on an empty file as on a million users.
 */
class EnrollmentPlanTest {

    @TempDir
    Path folder;

    @Test
    void everyStatementSeeksTheUsersOfARowByItsKey() {
        List<String> statements = Stream.of(EnrollmentStaging.matchedSql(0), EnrollmentStaging.matchedSql(1),
                EnrollmentStaging.updateSql(0), EnrollmentStaging.updateSql(1), EnrollmentStaging.UNMATCHED).toList();
        List<String> plans;
        try (Database database = Database.open(folder.resolve("plans.db"))) {
            plans = database.scratch(c -> {
                new EnrollmentStaging().start(c);
                List<String> explained = new ArrayList<>();
                for (String statement : statements) {
                    explained.add(QueryPlans.explain(c, statement, 1));
                }
                return explained;
            });
        }

        List<Executable> checks = new ArrayList<>();
        for (String plan : plans) {
            List<String> userSteps = plan.lines().filter(step -> step.matches(".*\\bu\\b.*")).toList();
            checks.add(() -> assertTrue(!userSteps.isEmpty() && userSteps.stream().allMatch(step -> step.startsWith(
                    "SEARCH u USING") && step.matches(".*\\(store_id=\\? AND (username|email)_key=\\?\\)")), plan));
        }
        assertAll(checks);
    }
}
