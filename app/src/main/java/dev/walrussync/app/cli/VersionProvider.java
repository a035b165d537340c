package dev.walrussync.app.cli;

import dev.walrussync.app.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** Prints the version and build, then the Java runtime the app runs on. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            BuildInfo.current().describe(),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor", "unknown vendor") + "), "
                    + System.getProperty("os.name") + " " + System.getProperty("os.arch")
        };
    }
}
