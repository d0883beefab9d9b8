package org.enrollnotifier.directory;

import org.enrollnotifier.model.DirectoryUser;
import org.enrollnotifier.model.ImportProblem;

/** Receives what a user source reads, one record at a time, so large directories stream through. */
public interface ImportSink {

    /** A valid user, with id 0, storeId 0 and an empty store name for the caller to fill. */
    void user(DirectoryUser user);

    void problem(ImportProblem problem);

    /** Called about every thousand records and once at the end. */
    void progress(long recordsRead);

    /** Asked before each record; once true the source stops and throws {@link ImportCancelled}. */
    boolean cancelled();
}
