package org.enrollnotifier.directory;

import java.util.Map;
import org.enrollnotifier.model.ImportProblem;

/** One read of a user source into a sink: validation, progress and cancellation, shared by every source. */
final class UserImport {

    private static final int PROGRESS_INTERVAL = 1000;

    private final String source;
    private final ImportSink sink;
    private final UserRowValidator validator;
    private long recordsRead;

    /** @param source the file or URL, for the cancellation message */
    UserImport(String source, ImportSink sink) {
        this.source = source;
        this.sink = sink;
        this.validator = new UserRowValidator(sink::problem);
    }

    void checkCancelled() throws ImportCancelled {
        if (sink.cancelled()) {
            throw new ImportCancelled(source);
        }
    }

    /** A record that describes a user, or fails to. */
    void row(String location, Map<UserField, String> values) {
        validator.validate(location, values).ifPresent(sink::user);
        recordRead();
    }

    /** A record that is not a user at all, reported or ignored by the source itself. */
    void recordRead() {
        recordsRead++;
        if (recordsRead % PROGRESS_INTERVAL == 0) {
            sink.progress(recordsRead);
        }
    }

    void problem(ImportProblem problem) {
        sink.problem(problem);
    }

    void finish() {
        sink.progress(recordsRead);
    }
}
