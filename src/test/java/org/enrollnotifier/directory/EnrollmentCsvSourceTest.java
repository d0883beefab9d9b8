package org.enrollnotifier.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.enrollnotifier.model.EnrollmentType;
import org.enrollnotifier.model.ImportProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnrollmentCsvSourceTest {

    @TempDir
    Path folder;

    @Test
    void rowsKeyedByUsername() throws Exception {
        Recorder recorder = read("""
                username,enrolledTypes,enrolledAt
                ann,Security Questions;Authenticator,2025-03-01T09:30:00Z
                bob,,
                """);

        assertEquals(List.of(
                new EnrollmentRecord("ann", false,
                        EnumSet.of(EnrollmentType.SECURITY_QUESTIONS, EnrollmentType.AUTHENTICATOR),
                        Instant.parse("2025-03-01T09:30:00Z")),
                new EnrollmentRecord("bob", false, EnumSet.noneOf(EnrollmentType.class), null)),
                recorder.records);
        assertEquals(List.of(), recorder.problems);
    }

    @Test
    void rowsKeyedByEmailWhenThereIsNoUsernameColumn() throws Exception {
        Recorder recorder = read("""
                email;enrolledTypes
                Ann.Lee@north.test;SMS|windows hello
                """);

        assertEquals(List.of(new EnrollmentRecord("Ann.Lee@north.test", true,
                EnumSet.of(EnrollmentType.SMS, EnrollmentType.WINDOWS_HELLO), null)), recorder.records);
    }

    @Test
    void unknownTypesAreReportedAndTheKnownOnesKept() throws Exception {
        Recorder recorder = read("""
                username,enrolledTypes,enrolledAt
                ann,Email|Smoke signals,2025-03-01
                ,SMS,
                """);

        assertEquals(List.of(new EnrollmentRecord("ann", false, EnumSet.of(EnrollmentType.EMAIL),
                Instant.parse("2025-03-01T00:00:00Z"))), recorder.records);
        assertEquals(List.of("line 2 enrolledTypes", "line 3 username"),
                recorder.problems.stream().map(p -> p.location() + " " + p.field()).toList());
        assertTrue(recorder.problems.get(0).reason().contains("Smoke signals"), recorder.problems.get(0).reason());
    }

    @Test
    void headerWithoutEnrolledTypesFails() throws Exception {
        Path file = Files.writeString(folder.resolve("report.csv"), "username,lastSeen\nann,2025-03-01\n");

        ImportFailure failure = assertThrows(ImportFailure.class,
                () -> new EnrollmentCsvSource(file).read(new Recorder()));

        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
    }

    private Recorder read(String csv) throws Exception {
        Path file = Files.writeString(folder.resolve("report.csv"), csv);
        Recorder recorder = new Recorder();
        new EnrollmentCsvSource(file).read(recorder);
        return recorder;
    }

    private static final class Recorder implements EnrollmentSink {

        final List<EnrollmentRecord> records = new ArrayList<>();
        final List<ImportProblem> problems = new ArrayList<>();

        @Override
        public void record(EnrollmentRecord record) {
            records.add(record);
        }

        @Override
        public void problem(ImportProblem problem) {
            problems.add(problem);
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    }
}
