package org.enrollnotifier.directory;

import org.enrollnotifier.model.ImportProblem;

/** Receives an enrollment report one row at a time. */
public interface EnrollmentSink {

    void record(EnrollmentRecord record);

    void problem(ImportProblem problem);

    /** Asked before each row; once true the source stops and throws {@link ImportCancelled}. */
    boolean cancelled();
}
