package dev.walrussync.ui.tray;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The tray's native menu is rebuilt only when what it says changes. */
class AwtTrayIntegrationTest {
    private static List<TrayMenuItem> menu(String pause, String recent) {
        return List.of(
                new TrayMenuItem.Action("Open Walrus Sync", () -> {}),
                new TrayMenuItem.Separator(),
                new TrayMenuItem.Action(pause, () -> {}),
                new TrayMenuItem.Submenu("Recent activity", List.of(new TrayMenuItem.Info(recent))));
    }

    @Test
    void menusWithTheSameLabelsAreTheSameMenuWhateverTheirActions() {
        assertThat(AwtTrayIntegration.labels(menu("Pause for 1 hour", "Nothing yet")))
                .isEqualTo(AwtTrayIntegration.labels(menu("Pause for 1 hour", "Nothing yet")))
                .containsExactly(
                        "action:Open Walrus Sync",
                        "separator",
                        "action:Pause for 1 hour",
                        "submenu:Recent activity",
                        "info:Nothing yet",
                        "end");
        assertThat(AwtTrayIntegration.labels(menu("Resume backups", "Nothing yet")))
                .isNotEqualTo(AwtTrayIntegration.labels(menu("Pause for 1 hour", "Nothing yet")));
        assertThat(AwtTrayIntegration.labels(menu("Pause for 1 hour", "14:02  Documents is backed up")))
                .isNotEqualTo(AwtTrayIntegration.labels(menu("Pause for 1 hour", "Nothing yet")));
    }
}
