package dev.walrussync.ui.storage;

import static dev.walrussync.ui.testing.TestGateway.DIRECT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.walrussync.engine.model.Alert;
import dev.walrussync.engine.model.AtRiskBlob;
import dev.walrussync.engine.model.BlobInfo;
import dev.walrussync.engine.model.Forecast;
import dev.walrussync.engine.model.RenewalReport;
import dev.walrussync.engine.model.RenewedBlob;
import dev.walrussync.engine.testing.TestRepositories;
import dev.walrussync.ui.main.SyncMonitor;
import dev.walrussync.ui.session.Network;
import dev.walrussync.ui.session.RunningSync;
import dev.walrussync.ui.testing.TestGateway;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage screen's view model on a real repository (a directory store), and its words for a renewal pass. */
class StorageViewModelTest {
    @TempDir
    Path dir;

    TestGateway gateway;
    RunningSync running;
    SyncMonitor monitor;
    StorageViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        gateway = new TestGateway(dir);
        gateway.create(Network.LOCAL, TestRepositories.PASSPHRASE.toCharArray());
        running = gateway.unlock(TestRepositories.PASSPHRASE.toCharArray());
        monitor = new SyncMonitor(running, DIRECT, DIRECT);
        vm = new StorageViewModel(monitor, ZoneOffset.UTC);
    }

    @AfterEach
    void tearDown() {
        monitor.close();
        gateway.close();
    }

    @Test
    void aRepositoryInAFolderHasNoBlobsAndNothingToRenew() {
        assertThat(vm.onWalrus()).isFalse();
        vm.reload();
        assertThat(vm.blobs()).isEmpty();
        assertThat(vm.log()).isEmpty();
        assertThat(vm.errorProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo(StorageViewModel.NOT_ON_WALRUS);

        vm.renewNow();
        assertThat(vm.renewingProperty().get()).isFalse();
        assertThat(vm.reportProperty().get()).isNull();
        assertThat(vm.messageProperty().get()).isEqualTo(StorageViewModel.NOT_ON_WALRUS);
    }

    @Test
    void blobRowsShowWhatIsKnownAndDashesForTheRest() {
        BlobItem known = StorageViewModel.item(
                new BlobInfo("B1", "pack", "0xabc", 1536, 9000L, 42L, false, 2_500_000_000L, true, List.of("a.txt")));
        assertThat(known).isEqualTo(new BlobItem("B1", "0xabc", "1.5 KB", "42", "2.5 WAL"));
        BlobItem unknown =
                StorageViewModel.item(new BlobInfo("B2", "keys", null, 10, null, null, null, null, false, List.of()));
        assertThat(unknown).isEqualTo(new BlobItem("B2", "—", "10 B", "—", "—"));
    }

    private static final Forecast FORECAST = new Forecast(0, 0, 0, null, null, null, null, 0);

    @Test
    void aRenewalPassInWords() {
        RenewalReport renewed = new RenewalReport(
                false,
                10,
                2,
                5,
                List.of(
                        new RenewedBlob("B1", "0x1", 3, 11, 14, 1_000_000_000L, "d1"),
                        new RenewedBlob("B2", "0x2", 3, 11, 14, 500_000_000L, "d2")),
                List.of(new AtRiskBlob("B3", "0x3", 11, 7, List.of("x"))),
                List.of(),
                2,
                1_500_000_000L,
                2_000_000L,
                List.of(),
                0,
                List.of(),
                List.of(),
                FORECAST,
                List.of(new Alert(Alert.Kind.CANNOT_PAY_NEXT_RENEWAL, "Top up")));
        assertThat(StorageViewModel.summary(renewed))
                .startsWith("Renewed 2 blobs (6 epochs) for 1.5 WAL and 0.002 SUI of gas.")
                .contains("1 due blob(s) left unrenewed");

        RenewalReport nothing = new RenewalReport(
                false, 10, 2, 1, List.of(), List.of(), List.of(), 0, 0, 0, List.of(), 0, List.of(), List.of(), FORECAST,
                List.of());
        assertThat(StorageViewModel.summary(nothing))
                .isEqualTo("Nothing was due: 1 blob in use, none ending within 2 epochs.");
    }
}
