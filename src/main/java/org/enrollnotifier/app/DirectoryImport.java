package org.enrollnotifier.app;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.locks.ReentrantLock;
import org.enrollnotifier.directory.EnrollmentCsvSource;
import org.enrollnotifier.directory.EnrollmentRecord;
import org.enrollnotifier.directory.EnrollmentSink;
import org.enrollnotifier.directory.ImportCancelled;
import org.enrollnotifier.directory.ImportFailure;
import org.enrollnotifier.directory.ImportSink;
import org.enrollnotifier.model.IdentityStore;
import org.enrollnotifier.model.ImportProblem;
import org.enrollnotifier.model.StoreKind;
import org.enrollnotifier.store.Database;
import org.enrollnotifier.store.EnrollmentStaging;
import org.enrollnotifier.store.IdentityStoreRepository;
import org.enrollnotifier.store.ImportStaging;
import org.enrollnotifier.store.SqlWork;

/**
 * Import users into an identity store, creating it or updating it in place. The source is read
 * completely into a staging table first; only then does one transaction change the store, so a
 * failed or cancelled import leaves it exactly as it was. Blocking; call off the UI thread.
 */
public final class DirectoryImport {

    /** Reads a source (a CSV file, an LDIF file, a directory) into a sink. */
    @FunctionalInterface
    public interface UserSource {
        void read(ImportSink sink) throws ImportFailure;
    }

    private static final int BATCH = 1_000;
    /** The staging table belongs to the one database connection: one import at a time. */
    private static final ReentrantLock ONE_AT_A_TIME = new ReentrantLock();

    private final Workspace workspace;
    private final Database database;
    private final IdentityStoreRepository stores = new IdentityStoreRepository();
    private final ImportStaging staging = new ImportStaging();
    private final EnrollmentStaging enrollment = new EnrollmentStaging();
    private final Clock clock;

    public DirectoryImport(Workspace workspace) {
        this(workspace, Clock.systemUTC());
    }

    DirectoryImport(Workspace workspace, Clock clock) {
        this.workspace = workspace;
        this.database = workspace.database();
        this.clock = clock;
    }

    /**
     * @param source what the operator sees as the store's origin (file path, URL)
     * @throws ImportFailed when the source cannot be read at all, or the import was cancelled; nothing has changed then
     */
    public ImportResult importUsers(String storeName, StoreKind kind, String source, UserSource reader,
                                    ImportListener listener) throws ImportFailed {
        String name = storeName.strip();
        if (name.isEmpty()) {
            throw new IllegalArgumentException("The identity store needs a name.");
        }
        return staged(name, c -> {
            staging.start(c);
            return null;
        }, c -> {
            staging.finish(c);
            return null;
        }, problems -> {
            new ReadAhead(source, BATCH).read(reader, listener, users -> stage(staging::add, users), problems);
            return apply(name, kind, source, problems);
        });
    }

    /**
     * Copies an enrollment report ({@code username,enrolledTypes,enrolledAt}, or keyed by email) onto
     * an existing store's users, in one transaction; rows that match no user are reported.
     *
     * @throws ImportFailed when the store does not exist, the report cannot be read, or the import was cancelled
     */
    public ImportResult importEnrollment(String storeName, Path file, ImportListener listener) throws ImportFailed {
        String name = storeName.strip();
        IdentityStore store = database.read(c -> stores.findByName(c, name))
                .orElseThrow(() -> new ImportFailed("There is no identity store named \"" + name + "\".", false, null));
        return staged(name, c -> {
            enrollment.start(c);
            return null;
        }, c -> {
            enrollment.finish(c);
            return null;
        }, problems -> {
            EnrollmentRows rows = new EnrollmentRows(listener, problems);
            new EnrollmentCsvSource(file).read(rows);
            rows.batch.flush();
            Instant now = clock.instant();
            EnrollmentStaging.Outcome outcome = database.write(c -> enrollment.apply(c, store.id(),
                    key -> problems.add(new ImportProblem(key, "", "matches no user of " + name))));
            Path report = keepReport(name, now, problems);
            return new ImportResult(ImportResult.Source.ENROLLMENT, store.id(), name, 0, outcome.updated(), 0,
                    outcome.unchanged(), problems.first(), problems.count(), report);
        });
    }

    /** Reads a source, whose end result changes the store, with its staging table set up and cleared. */
    @FunctionalInterface
    private interface StagedRead {
        ImportResult run(ImportProblems problems) throws ImportFailure, ImportFailed;
    }

    private ImportResult staged(String name, SqlWork<?> start, SqlWork<?> finish, StagedRead read)
            throws ImportFailed {
        ONE_AT_A_TIME.lock();
        database.useBulkCache(true);
        try {
            database.scratch(start);
            try (ImportProblems problems = new ImportProblems(ImportReport.folder(workspace.folder()))) {
                return read.run(problems);
            } catch (IOException e) {
                throw reportNotWritten(name, e);
            } catch (ImportCancelled e) {
                throw new ImportFailed("Import cancelled; " + unchanged(name), true, e);
            } catch (ImportFailure e) {
                throw new ImportFailed(e.getMessage() + " " + unchanged(name), false, e);
            } finally {
                database.scratch(finish);
            }
        } finally {
            database.useBulkCache(false);
            ONE_AT_A_TIME.unlock();
        }
    }

    /**
     * The report is written first, so an import whose report cannot be kept changes nothing either.
     * A source in which no user could be read changes nothing: applied, it would empty the store,
     * and it is far more likely the wrong file, base DN or filter than a directory that has no one.
     */
    private ImportResult apply(String name, StoreKind kind, String source, ImportProblems problems)
            throws ImportFailed, ImportFailure {
        Instant now = clock.instant();
        Path report = keepReport(name, now, problems);
        if (database.scratch(c -> {
            if (staging.isEmpty(c)) {
                return true;
            }
            Optional<IdentityStore> existing = stores.findByName(c, name);
            staging.prepare(c, existing.isPresent() ? OptionalLong.of(existing.get().id()) : OptionalLong.empty());
            return false;
        })) {
            throw new ImportFailure(noUserIn(source, problems, report));
        }
        return database.write(c -> {
            Optional<IdentityStore> existing = stores.findByName(c, name);
            long storeId = existing.isPresent() ? existing.get().id() : stores.create(c, name, kind, source, false);
            ImportStaging.Changes changes = staging.apply(c, storeId);
            stores.markImported(c, storeId, source, now);
            return new ImportResult(ImportResult.Source.USERS, storeId, name, changes.added(), changes.updated(),
                    changes.removed(), changes.unchanged(), problems.first(), problems.count(), report);
        });
    }

    private static String noUserIn(String source, ImportProblems problems, Path report) {
        if (problems.count() == 0) {
            return "No user was found in " + source + ".";
        }
        ImportProblem first = problems.first().get(0);
        long others = problems.count() - 1;
        return "No user could be read from " + source + ": " + first.location()
                + (first.field().isEmpty() ? "" : ", " + first.field()) + " " + first.reason()
                + (others == 0 ? "" : " (and " + others + " more problem" + (others == 1 ? "" : "s") + ")")
                + "; all are listed in " + report + ".";
    }

    private Path keepReport(String name, Instant now, ImportProblems problems) throws ImportFailed {
        Path report = ImportReport.pathFor(workspace.folder(), name, now);
        try {
            problems.keepAs(report);
            return report;
        } catch (IOException e) {
            throw reportNotWritten(name, e);
        }
    }

    private ImportFailed reportNotWritten(String name, IOException e) {
        return new ImportFailed("The import report could not be written to " + ImportReport.folder(workspace.folder())
                + ": " + e.getMessage() + ". " + unchanged(name), false, e);
    }

    /** How a failed import left the store: as it was, or, for a new name, not created. */
    private String unchanged(String name) {
        return database.read(c -> stores.findByName(c, name)).isPresent() ? name + " is unchanged."
                : "No identity store named " + name + " was created.";
    }

    /** Writes a batch of staged rows into a TEMP table. */
    @FunctionalInterface
    private interface StagingWrite<T> {
        void write(Connection c, List<T> rows) throws SQLException;
    }

    /** Rows read from a source, written to the staging table a batch at a time. */
    private final class Batch<T> {
        private final StagingWrite<T> write;
        private final List<T> rows = new ArrayList<>(BATCH);

        Batch(StagingWrite<T> write) {
            this.write = write;
        }

        /** @return true when the row filled the batch, which has then been written */
        boolean add(T row) {
            rows.add(row);
            if (rows.size() < BATCH) {
                return false;
            }
            flush();
            return true;
        }

        void flush() {
            List<T> staged = List.copyOf(rows);
            rows.clear();
            stage(write, staged);
        }
    }

    private <T> void stage(StagingWrite<T> write, List<T> rows) {
        database.scratch(c -> {
            write.write(c, rows);
            return null;
        });
    }

    /** Stages enrollment rows in batches as they are read. */
    private final class EnrollmentRows implements EnrollmentSink {
        private final ImportListener listener;
        private final Batch<EnrollmentStaging.Row> batch = new Batch<>(enrollment::add);
        private final ImportProblems problems;
        private long read;

        EnrollmentRows(ImportListener listener, ImportProblems problems) {
            this.listener = listener;
            this.problems = problems;
        }

        @Override
        public void record(EnrollmentRecord record) {
            read++;
            if (batch.add(new EnrollmentStaging.Row(record.key(), record.byEmail(), record.types(),
                    record.enrolledAt()))) {
                listener.progress(read);
            }
        }

        @Override
        public void problem(ImportProblem problem) {
            problems.add(problem);
        }

        @Override
        public boolean cancelled() {
            return listener.cancelled();
        }
    }
}
