package dev.walrussync.app.cli;

import picocli.CommandLine.IVersionProvider;

/** Prints the version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"walrus-sync " + (v == null ? "development build" : v)};
    }
}
