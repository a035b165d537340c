package dev.walrussync.engine.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.walrussync.engine.model.SyncException;
import dev.walrussync.engine.model.SyncPolicy;
import dev.walrussync.engine.model.SyncSchedule;
import dev.walrussync.engine.model.WatchedFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sync.json}: what the watch daemon watches and how, as the command line and the daemon share it. */
class SyncSettingsTest {
    @TempDir
    Path tmp;

    Path home;
    Path photos;
    Path documents;

    @BeforeEach
    void setUp() throws Exception {
        home = Files.createDirectories(tmp.resolve("home"));
        photos = Files.createDirectories(tmp.resolve("photos"));
        documents = Files.createDirectories(tmp.resolve("documents"));
    }

    private static SyncPolicy custom() {
        return new SyncPolicy(
                Duration.ofMillis(1500),
                Duration.ofMinutes(45),
                Duration.ofSeconds(90),
                Duration.ofHours(6),
                SyncSchedule.parse("nights every 1h"),
                2L << 20,
                true);
    }

    @Test
    void noFileMeansNoFoldersAndTheDefaultPolicy() throws Exception {
        SyncSettings s = SyncSettings.load(home);
        assertThat(s.folders()).isEmpty();
        assertThat(s.policy()).isNull();
        assertThat(s.effectivePolicy(home))
                .as("no walrus.json: a directory store, where blobs cost nothing")
                .isEqualTo(SyncPolicy.defaults(false));
    }

    @Test
    void aPausedFolderAndATimedPauseReadBackAsSaved() throws Exception {
        Instant until = Instant.parse("2026-11-23T15:00:00Z");
        SyncSettings saved = SyncSettings.load(home)
                .withFolder(new WatchedFolder(photos, List.of("*.tmp"), true))
                .withFolder(new WatchedFolder(documents, List.of()))
                .withPolicy(custom().pausedUntil(until));
        saved.save(home);
        SyncSettings read = SyncSettings.load(home);
        assertThat(read).isEqualTo(saved);
        assertThat(read.folder(photos).orElseThrow().paused()).isTrue();
        assertThat(read.policy().resumeAt()).isEqualTo(until);
        assertThat(read.policy().pausedAt(until.minusSeconds(1))).isTrue();
        assertThat(read.policy().pausedAt(until)).as("the pause has ended").isFalse();
        String json = Files.readString(home.resolve(SyncSettings.FILE_NAME));
        assertThat(json.split("\"paused\"", -1))
                .as("the policy's flag and the paused folder's; a folder that is not paused is written as before")
                .hasSize(3);
        assertThat(json).containsOnlyOnce("\"resumeAt\" : \"2026-11-23T15:00:00Z\"");
        assertThat(read.withPolicy(read.policy().withPaused(false)).policy().resumeAt())
                .as("resuming forgets the time")
                .isNull();
    }

    @Test
    void changingAFolderKeepsWhatTheChangeLeavesAndRefusesOneNotWatched() throws Exception {
        SyncSettings s = SyncSettings.load(home).withFolder(new WatchedFolder(photos, List.of("*.tmp"), true));
        SyncSettings changed = s.withFolderChanged(photos, f -> f.withExcludes(List.of("*.bak")));
        assertThat(changed.folder(photos).orElseThrow()).isEqualTo(new WatchedFolder(photos, List.of("*.bak"), true));
        assertThatThrownBy(() -> s.withFolderChanged(documents, f -> f.withPaused(true)))
                .isInstanceOf(SyncException.class)
                .hasMessage(documents.toAbsolutePath().normalize() + " is not watched");
    }

    @Test
    void foldersExcludesAndPolicyReadBackAsSaved() throws Exception {
        SyncSettings saved = SyncSettings.load(home)
                .withFolder(new WatchedFolder(photos, List.of("*.tmp", "/cache/")))
                .withFolder(new WatchedFolder(documents, List.of()))
                .withPolicy(custom());
        saved.save(home);

        SyncSettings loaded = SyncSettings.load(home);
        assertThat(loaded).isEqualTo(saved);
        assertThat(loaded.folders()).extracting(WatchedFolder::path).containsExactly(photos, documents);
        assertThat(loaded.folders().getFirst().excludes()).containsExactly("*.tmp", "/cache/");
        assertThat(loaded.effectivePolicy(home)).isEqualTo(custom());
        assertThat(home.resolve(SyncSettings.FILE_NAME))
                .content()
                .contains("\"quietPeriod\" : \"1500ms\"", "\"schedule\" : \"22:00-06:00 every 1h\"");
    }

    @Test
    void goingBackToTheDefaultPolicyIsSavedToo() throws Exception {
        SyncSettings.load(home).withPolicy(custom()).save(home);
        SyncSettings.load(home).withPolicy(null).save(home);
        assertThat(SyncSettings.load(home).policy()).isNull();
    }

    @Test
    void addingAWatchedFolderAgainReplacesItsExcludes() throws Exception {
        SyncSettings s = SyncSettings.load(home)
                .withFolder(new WatchedFolder(photos, List.of("*.tmp")))
                .withFolder(new WatchedFolder(documents, List.of()))
                .withFolder(new WatchedFolder(photos, List.of("*.raw")));
        assertThat(s.folders()).extracting(WatchedFolder::path).containsExactly(photos, documents);
        assertThat(s.folder(photos).orElseThrow().excludes()).containsExactly("*.raw");
    }

    @Test
    void foldersInsideOrAroundAWatchedFolderAreRefused() throws Exception {
        Path inside = Files.createDirectories(photos.resolve("2026"));
        SyncSettings s = SyncSettings.load(home).withFolder(new WatchedFolder(photos, List.of()));

        assertThatThrownBy(() -> s.withFolder(new WatchedFolder(inside, List.of())))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("cannot watch " + inside + ": it overlaps " + photos)
                .hasMessageContaining("use excludes");
        assertThatThrownBy(() -> s.withFolder(new WatchedFolder(tmp, List.of())))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("cannot watch " + tmp + ": it overlaps " + photos);
        // A relative, unnormalised spelling of the same inside folder is caught as well.
        Path sneaky = Path.of("").toAbsolutePath().relativize(photos.resolve("2026/../2026"));
        assertThatThrownBy(() -> s.withFolder(new WatchedFolder(sneaky, List.of())))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("overlaps");
    }

    @Test
    void aSiblingWhoseNameStartsLikeAWatchedFolderIsNotInsideIt() throws Exception {
        Path photosOld = Files.createDirectories(tmp.resolve("photos-old"));
        SyncSettings s = SyncSettings.load(home)
                .withFolder(new WatchedFolder(photos, List.of()))
                .withFolder(new WatchedFolder(photosOld, List.of()));
        assertThat(s.folders()).hasSize(2);
    }

    @Test
    void aMissingFolderOrAFileIsRefused() throws Exception {
        Path missing = tmp.resolve("no-such-folder");
        Path file = Files.writeString(tmp.resolve("notes.txt"), "x");
        SyncSettings s = SyncSettings.load(home);
        assertThatThrownBy(() -> s.withFolder(new WatchedFolder(missing, List.of())))
                .isInstanceOf(SyncException.class)
                .hasMessage("cannot watch " + missing + ": it is not a folder");
        assertThatThrownBy(() -> s.withFolder(new WatchedFolder(file, List.of())))
                .isInstanceOf(SyncException.class)
                .hasMessage("cannot watch " + file + ": it is not a folder");
    }

    @Test
    void removingAFolderKeepsTheOthersAndRemovingAnUnwatchedOneIsAnError() throws Exception {
        SyncSettings s = SyncSettings.load(home)
                .withFolder(new WatchedFolder(photos, List.of()))
                .withFolder(new WatchedFolder(documents, List.of()))
                .withPolicy(custom());
        SyncSettings without = s.withoutFolder(photos);
        assertThat(without.folders()).extracting(WatchedFolder::path).containsExactly(documents);
        assertThat(without.policy()).isEqualTo(custom());
        assertThatThrownBy(() -> without.withoutFolder(photos))
                .isInstanceOf(SyncException.class)
                .hasMessage(photos + " is not watched");
    }

    @Test
    void aCorruptFileGivesAClearError() throws Exception {
        Path file = home.resolve(SyncSettings.FILE_NAME);
        Files.writeString(file, "{\"version\": 1, \"folders\": [");
        assertThatThrownBy(() -> SyncSettings.load(home))
                .isInstanceOf(SyncException.class)
                .hasMessageStartingWith("cannot read " + file + ": ")
                .hasMessageEndingWith("; fix or delete it (it holds only the watched folders and the sync policy)");
    }

    @Test
    void aPolicyThatCannotBeReadGivesAClearError() throws Exception {
        SyncSettings.load(home).withPolicy(custom()).save(home);
        Path file = home.resolve(SyncSettings.FILE_NAME);
        Files.writeString(file, Files.readString(file).replace("\"1500ms\"", "\"soon\""));
        assertThatThrownBy(() -> SyncSettings.load(home))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("cannot read " + file)
                .hasMessageContaining("cannot read the duration 'soon'")
                .hasMessageContaining("fix or delete it");

        Files.writeString(file, Files.readString(file).replace("\"soon\"", "\"5m\"")); // longer than the max delay?
        SyncSettings.load(home); // 5 min quiet, 45 min max delay: fine
        Files.writeString(file, Files.readString(file).replace("\"45m\"", "\"1m\""));
        assertThatThrownBy(() -> SyncSettings.load(home))
                .isInstanceOf(SyncException.class)
                .hasMessageContaining("the maximum delay (1m) cannot be shorter than the quiet period (5m)");
    }

    @Test
    void aFileWithoutFoldersOrPolicyReadsAsEmpty() throws Exception {
        Files.writeString(home.resolve(SyncSettings.FILE_NAME), "{\"version\": 1}");
        SyncSettings s = SyncSettings.load(home);
        assertThat(s.folders()).isEmpty();
        assertThat(s.policy()).isNull();
    }
}
