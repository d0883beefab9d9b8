package org.enrollnotifier.cli;

import org.enrollnotifier.app.AppVersion;
import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest, or "development" when run from classes. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"Enroll Notifier " + AppVersion.current()};
    }
}
