package org.enrollnotifier.app;

/** The version the build wrote into the jar's manifest. */
public final class AppVersion {

    static final String DEVELOPMENT = "development";

    private AppVersion() {
    }

    /** @return the Implementation-Version, or "development" when running from compiled classes */
    public static String current() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return version == null ? DEVELOPMENT : version;
    }
}
