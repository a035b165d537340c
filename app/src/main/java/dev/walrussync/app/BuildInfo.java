package dev.walrussync.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * Which build this is: the version and the commit it was built from, as Maven wrote them into {@code build.properties}
 * (app/pom.xml). {@code walrus-sync --version} prints {@link #describe()}.
 *
 * @param version the project's version, e.g. {@code 0.1.0-SNAPSHOT}
 * @param commit the abbreviated commit ID, or {@code unknown} when built outside a git checkout
 * @param commitDate the commit's date (UTC, yyyy-MM-dd), or {@code unknown}
 * @param dirty whether the checkout had uncommitted changes
 */
public record BuildInfo(String version, String commit, String commitDate, boolean dirty) {
    private static final String RESOURCE = "build.properties";

    /** This build's, read from the classpath. */
    public static BuildInfo current() {
        try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("build.properties is missing from the app's jar");
            }
            Properties p = new Properties();
            p.load(in);
            return of(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read build.properties", e);
        }
    }

    static BuildInfo of(Properties p) {
        return new BuildInfo(
                p.getProperty("version", "unknown"),
                p.getProperty("commit", "unknown"),
                p.getProperty("commitDate", "unknown"),
                Boolean.parseBoolean(p.getProperty("dirty", "false")));
    }

    /** One line, e.g. {@code walrus-sync 0.1.0 (build 8e33e9b1c2, 2026-11-23)}. */
    public String describe() {
        String build = commit.equals("unknown") ? "build from outside a git checkout" : "build " + commit;
        String date = commitDate.equals("unknown") ? "" : ", " + commitDate;
        return "walrus-sync " + version + " (" + build + date + (dirty ? ", with uncommitted changes" : "") + ")";
    }
}
