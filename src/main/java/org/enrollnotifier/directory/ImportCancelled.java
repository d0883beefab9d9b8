package org.enrollnotifier.directory;

/** The operator cancelled the import; what was delivered to the sink so far must be thrown away. */
public class ImportCancelled extends ImportFailure {

    public ImportCancelled(String source) {
        super("The import from " + source + " was cancelled.");
    }
}
