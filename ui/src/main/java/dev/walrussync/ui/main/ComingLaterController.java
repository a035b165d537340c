package dev.walrussync.ui.main;

import javafx.fxml.FXML;
import javafx.scene.control.Label;

/** The placeholder of a screen this version does not have yet. */
public final class ComingLaterController {
    private final Screen screen;

    @FXML
    private Label title;

    @FXML
    private Label body;

    public ComingLaterController(Screen screen) {
        this.screen = screen;
    }

    @FXML
    private void initialize() {
        title.setText(screen.title());
        body.setText(switch (screen) {
                    case STORAGE -> "Your blobs on Walrus, their expiry and costs, and the renewal policy.";
                    case NODES -> "The storage nodes of the Walrus committee and their health.";
                    case WALLET -> "Your wallet's address and balances, and the faucet on the local network.";
                    case SETTINGS -> "The network, the schedule, the bandwidth limit and notifications.";
                    default -> "";
                }
                + "\n\nThis screen is coming in a later version. Until then, the command line has it all:"
                + " run 'walrus-sync --help'.");
    }
}
