package org.enrollnotifier.app;

/**
 * Follows an import while it runs, and may stop it. Called from the thread that reads the source,
 * which for users is one of the import's own, not the caller's.
 */
public interface ImportListener {

    void progress(long recordsRead);

    /** Asked before each record; once true, the import stops and changes nothing. */
    boolean cancelled();

    ImportListener NONE = new ImportListener() {
        @Override
        public void progress(long recordsRead) {
        }

        @Override
        public boolean cancelled() {
            return false;
        }
    };
}
