package dev.walrussync.app.walrus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.api.Repositories;
import dev.walrussync.engine.api.RepositorySession;
import dev.walrussync.engine.model.Alert;
import dev.walrussync.engine.model.AtRiskBlob;
import dev.walrussync.engine.model.BlobInfo;
import dev.walrussync.engine.model.ForgetPolicy;
import dev.walrussync.engine.model.LostFile;
import dev.walrussync.engine.model.RenewalEntry;
import dev.walrussync.engine.model.RenewalPolicy;
import dev.walrussync.engine.model.RenewalReport;
import dev.walrussync.engine.model.RestoreReport;
import dev.walrussync.engine.model.SnapshotInfo;
import dev.walrussync.engine.model.WalrusStatus;
import dev.walrussync.engine.store.walrus.WalrusConnector;
import dev.walrussync.engine.store.walrus.WalrusSettings;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.engine.testing.TreeAssert;
import dev.walrussync.engine.testing.Trees;
import dev.walrussync.localnet.network.LocalWalrusNetwork;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renewal on a real local Walrus network whose epochs are moved on by hand: blobs are paid only a few
 * epochs ahead, so they live only as long as renewal keeps them alive.
 */
class RenewalIT {
    @TempDir
    Path tmp;

    private LocalWalrusNetwork start(Duration epoch) throws Exception {
        return LocalWalrusNetwork.start(
                LocalWalrusNetwork.Options.defaults(tmp.resolve("net"))
                        .withShape(EmbeddedNetworks.NODES, EmbeddedNetworks.SHARDS)
                        .withEpochDuration(epoch),
                Clock.systemUTC());
    }

    private Repositories engine(LocalWalrusNetwork net) {
        return new Repositories(
                Clock.systemUTC(),
                new SecureRandom(),
                TestRepositories.CHEAP_KDF,
                (settings, home) -> WalrusConnector.remote(EmbeddedNetworks.describe(net, settings)));
    }

    private RepositorySession init(Repositories engine, Path home, int epochs, RenewalPolicy policy) throws Exception {
        engine.init(
                home,
                "walrus:local",
                TestRepositories.PASSPHRASE.toCharArray(),
                0,
                WalrusSettings.of("local", epochs).withRenewal(policy),
                null);
        return engine.openWithPassphrase(home, TestRepositories.PASSPHRASE.toCharArray(), true);
    }

    /**
     * 62 epochs with backups, edits, forgets and prunes in between, blobs paid 3 epochs ahead: after every
     * pass and every epoch change, every blob a kept snapshot needs is still alive, and at the end every
     * kept snapshot restores byte for byte.
     */
    @Test
    void sixtyEpochsOfBackupsEditsAndPrunesLoseNothing() throws Exception {
        try (LocalWalrusNetwork net = start(Duration.ofDays(1))) {
            Repositories engine = engine(net);
            RenewalPolicy policy = new RenewalPolicy(2, 3, null, null, null);
            Path source = tmp.resolve("source");
            Random random = new Random(42);
            Map<String, Path> copies = new LinkedHashMap<>();
            int renewedBlobs = 0;
            int prunes = 0;
            try (RepositorySession s = init(engine, tmp.resolve("home"), 3, policy)) {
                long firstEpoch = s.walrusStatus().epoch();
                for (int step = 0; step < 62; step++) {
                    if (step % 3 == 0) {
                        edit(source, random, step);
                        TestRepositories.backup(s, source);
                        SnapshotInfo latest = s.snapshot("latest");
                        Path copy = tmp.resolve("copies").resolve(latest.id().hex());
                        Trees.copy(source, copy);
                        copies.put(latest.id().hex(), copy);
                    }
                    if (step % 10 == 9) {
                        List<SnapshotInfo> forget = s.forgetPlan(keepLast(4), ZoneOffset.UTC);
                        s.forget(forget.stream().map(SnapshotInfo::id).toList());
                        forget.forEach(f -> copies.remove(f.id().hex()));
                        s.prune((done, total) -> {});
                        prunes++;
                    }
                    RenewalReport r = s.renew(false, (done, total) -> {});
                    assertThat(r.failures()).isEmpty();
                    assertThat(r.expiredBlobs()).isEmpty();
                    assertThat(r.unpaid()).isEmpty();
                    renewedBlobs += r.renewed().size();
                    net.advanceEpoch();
                    // The epoch moved on and the nodes dropped what expired: nothing needed may be among it.
                    RenewalReport check = s.renew(true, (done, total) -> {});
                    assertThat(check.expiredBlobs())
                            .as("blobs that expired by epoch %d", check.epoch())
                            .isEmpty();
                    assertThat(check.lostSnapshots()).isEmpty();
                }
                assertThat(s.walrusStatus().epoch() - firstEpoch).isGreaterThanOrEqualTo(60);
                assertThat(prunes).isGreaterThanOrEqualTo(6);
                assertThat(renewedBlobs).isGreaterThan(50);

                // Every extension is in the log, with its transaction.
                List<RenewalEntry> log = s.renewalLog();
                assertThat(log.stream().filter(RenewalEntry::ok).count()).isEqualTo(renewedBlobs);
                assertThat(log).allSatisfy(e -> {
                    assertThat(e.digest()).isNotBlank();
                    assertThat(e.costFrost()).isPositive();
                    assertThat(e.newEndEpoch()).isEqualTo(e.oldEndEpoch() + e.epochsAdded());
                });
                // Pruned blobs were deleted, not renewed: the index says which.
                assertThat(s.blobs().stream().map(BlobInfo::kind)).contains("pack");

                List<SnapshotInfo> kept = s.snapshots();
                assertThat(kept).hasSize(copies.size());
                for (SnapshotInfo snap : kept) {
                    Path target =
                            Trees.fresh(tmp.resolve("restore").resolve(snap.id().hex()));
                    TestRepositories.restore(s, snap.id().hex(), target);
                    TreeAssert.assertSameTree(copies.get(snap.id().hex()), target.resolve("source"));
                }
            }
        }
    }

    private static ForgetPolicy keepLast(int n) {
        return new ForgetPolicy(n, 0, 0, 0, 0, 0);
    }

    /** Changes the source a little: edits one file, adds one, and now and then deletes one. */
    private static void edit(Path source, Random random, int step) throws Exception {
        Files.createDirectories(source);
        Trees.writeRandom(source.resolve("added-" + step + ".bin"), random.nextLong(), 20_000 + random.nextInt(60_000));
        Trees.writeString(source.resolve("journal.txt"), "entry " + step + "\n".repeat(step + 1));
        List<String> names = Trees.listNames(source);
        if (step % 4 == 3 && names.size() > 3) {
            Files.delete(source.resolve(names.get(random.nextInt(names.size()))));
        }
    }

    /**
     * With the funds cut off (a reserve as large as the balance), the alerts fire in order before anything
     * expires, the at-risk report names exactly the files backed up, and after a top-up the renewal
     * catches up.
     */
    @Test
    void withTheFundsCutOffTheAlertsFireInOrderAndATopUpCatchesUp() throws Exception {
        try (LocalWalrusNetwork net = start(Duration.ofDays(1))) {
            Repositories engine = engine(net);
            Path source = tmp.resolve("source");
            Trees.writeRandom(source.resolve("ledger.db"), 1, 300_000);
            Trees.writeString(source.resolve("notes/plan.txt"), "the plan");
            try (RepositorySession s = init(engine, tmp.resolve("home"), 35, RenewalPolicy.DEFAULTS)) {
                TestRepositories.backup(s, source);
                long balance = s.wallet().walFrost();
                s.setRenewalPolicy(new RenewalPolicy(3, 10, balance, null, null));

                Map<Alert.Kind, Long> firstSeen = new EnumMap<>(Alert.Kind.class);
                List<AtRiskBlob> atRisk = List.of();
                long end = Long.MAX_VALUE;
                while (true) {
                    RenewalReport r = s.renew(false, (done, total) -> {});
                    assertThat(r.renewed()).isEmpty();
                    assertThat(r.expiredBlobs()).isEmpty();
                    WalrusStatus status = s.walrusStatus();
                    for (Alert a : status.alerts()) {
                        firstSeen.putIfAbsent(a.kind(), status.epoch());
                    }
                    end = status.earliestEndEpoch();
                    if (!status.atRisk().isEmpty()) {
                        atRisk = status.atRisk();
                    }
                    if (end - status.epoch() <= 1) {
                        break;
                    }
                    net.advanceEpoch();
                }
                assertThat(firstSeen)
                        .containsKeys(
                                Alert.Kind.RUNWAY_BELOW_30_DAYS,
                                Alert.Kind.RUNWAY_BELOW_14_DAYS,
                                Alert.Kind.RUNWAY_BELOW_7_DAYS,
                                Alert.Kind.CANNOT_PAY_NEXT_RENEWAL,
                                Alert.Kind.EXPIRY_WITHOUT_FUNDS)
                        .doesNotContainKey(Alert.Kind.DATA_EXPIRED);
                assertThat(firstSeen.get(Alert.Kind.RUNWAY_BELOW_30_DAYS))
                        .isLessThan(firstSeen.get(Alert.Kind.RUNWAY_BELOW_14_DAYS));
                assertThat(firstSeen.get(Alert.Kind.RUNWAY_BELOW_14_DAYS))
                        .isLessThan(firstSeen.get(Alert.Kind.RUNWAY_BELOW_7_DAYS));
                assertThat(firstSeen.get(Alert.Kind.RUNWAY_BELOW_7_DAYS))
                        .isLessThanOrEqualTo(firstSeen.get(Alert.Kind.EXPIRY_WITHOUT_FUNDS));
                assertThat(firstSeen.get(Alert.Kind.EXPIRY_WITHOUT_FUNDS)).isLessThan(end);

                Set<String> named = new TreeSet<>();
                atRisk.forEach(b -> named.addAll(b.files()));
                String folder = source.toAbsolutePath().toString();
                assertThat(named)
                        .contains(folder + "/ledger.db", folder + "/notes/plan.txt")
                        .anySatisfy(f -> assertThat(f).contains("key file"));

                // A top-up above the reserve: the next pass renews everything that was due.
                s.requestFaucet();
                RenewalReport caughtUp = s.renew(false, (done, total) -> {});
                assertThat(caughtUp.failures()).isEmpty();
                assertThat(caughtUp.unpaid()).isEmpty();
                assertThat(caughtUp.renewed()).hasSize(caughtUp.referencedBlobs());
                assertThat(caughtUp.alerts())
                        .extracting(Alert::kind)
                        .doesNotContain(Alert.Kind.EXPIRY_WITHOUT_FUNDS, Alert.Kind.RUNWAY_BELOW_7_DAYS);
                net.advanceEpoch();
                net.advanceEpoch();
                Path target = tmp.resolve("restored");
                TestRepositories.restore(s, "latest", target);
                TreeAssert.assertSameTree(source, target.resolve("source"));
            }
        }
    }

    /**
     * The machine was off too long and every blob expired: the pass stores the key file and the metadata
     * again from local copies, and the data from the files still on disk, and names the one file that is
     * gone.
     */
    @Test
    void expiredBlobsAreStoredAgainFromLocalFilesAndWhatIsGoneIsNamed() throws Exception {
        try (LocalWalrusNetwork net = start(Duration.ofDays(1))) {
            Repositories engine = engine(net);
            Path source = tmp.resolve("source");
            Trees.writeRandom(source.resolve("kept.bin"), 1, 200_000);
            Trees.writeRandom(source.resolve("docs/kept-too.txt"), 2, 3_000);
            Trees.writeRandom(source.resolve("deleted.bin"), 3, 150_000);
            try (RepositorySession s = init(engine, tmp.resolve("home"), 2, RenewalPolicy.DEFAULTS)) {
                TestRepositories.backup(s, source);
                Files.delete(source.resolve("deleted.bin"));
                for (int i = 0; i < 3; i++) {
                    net.advanceEpoch();
                }

                RenewalReport plan = s.renew(true, (done, total) -> {});
                assertThat(plan.expiredBlobs()).isNotEmpty();
                assertThat(plan.alerts()).extracting(Alert::kind).contains(Alert.Kind.DATA_EXPIRED);

                RenewalReport r = s.renew(false, (done, total) -> {});
                assertThat(r.expiredBlobs()).isEqualTo(plan.expiredBlobs());
                assertThat(r.reuploadedChunks()).isPositive();
                assertThat(r.lostFiles())
                        .extracting(LostFile::path)
                        .containsExactly(source.toAbsolutePath() + "/deleted.bin");
                assertThat(r.lostSnapshots()).isEmpty();

                List<String> restoredNames = new ArrayList<>();
                Path target = tmp.resolve("restored");
                RestoreReport restore = TestRepositories.restore(s, "latest", target);
                assertThat(restore.errors()).singleElement().asString().contains("deleted.bin");
                Path restored = target.resolve("source");
                assertThat(TreeAssert.sha256(restored.resolve("kept.bin")))
                        .isEqualTo(TreeAssert.sha256(source.resolve("kept.bin")));
                assertThat(TreeAssert.sha256(restored.resolve("docs/kept-too.txt")))
                        .isEqualTo(TreeAssert.sha256(source.resolve("docs/kept-too.txt")));
                restoredNames.addAll(Trees.listNames(restored));
                assertThat(restoredNames).doesNotContain("deleted.bin");

                // The repository opens again from the store alone: the key file is back on Walrus.
                assertThat(s.renew(true, (done, total) -> {}).expiredBlobs()).isEmpty();
            }
        }
    }
}
