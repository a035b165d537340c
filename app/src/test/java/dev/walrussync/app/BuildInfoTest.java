package dev.walrussync.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Properties;
import org.junit.jupiter.api.Test;

class BuildInfoTest {
    @Test
    void theBuiltAppKnowsItsVersionAndCommit() {
        BuildInfo build = BuildInfo.current();

        // Maven filled build.properties in: no ${...} left, the commit is this checkout's.
        assertThat(build.version()).matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        assertThat(build.commit()).matches("[0-9a-f]{10}");
        assertThat(build.commitDate()).matches("\\d{4}-\\d{2}-\\d{2}");
    }

    @Test
    void describesTheBuildInOneLine() {
        assertThat(new BuildInfo("0.1.0", "8e33e9b1c2", "2026-11-23", false).describe())
                .isEqualTo("walrus-sync 0.1.0 (build 8e33e9b1c2, 2026-11-23)");
        assertThat(new BuildInfo("0.2.0-SNAPSHOT", "8e33e9b1c2", "2026-11-23", true).describe())
                .isEqualTo("walrus-sync 0.2.0-SNAPSHOT (build 8e33e9b1c2, 2026-11-23, with uncommitted changes)");
    }

    @Test
    void aBuildOutsideGitSaysSo() {
        Properties p = new Properties();
        p.setProperty("version", "0.1.0");
        p.setProperty("commit", "unknown");
        p.setProperty("commitDate", "unknown");

        assertThat(BuildInfo.of(p).describe()).isEqualTo("walrus-sync 0.1.0 (build from outside a git checkout)");
    }
}
