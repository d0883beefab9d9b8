package org.enrollnotifier.directory;

/** Receives an enrollment report one row at a time. */
public interface EnrollmentSink {

    void record(EnrollmentRecord record);

    void problem(ImportProblem problem);

    /** Asked before each row; once true the source stops and throws {@link ImportCancelled}. */
    boolean cancelled();
}
