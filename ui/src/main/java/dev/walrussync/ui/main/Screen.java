package dev.walrussync.ui.main;

/** The main window's screens, in the navigation's order. */
public enum Screen {
    DASHBOARD("Dashboard"),
    FOLDERS("Folders"),
    RESTORE("Restore"),
    STORAGE("Storage"),
    NODES("Nodes"),
    WALLET("Wallet"),
    SETTINGS("Settings");

    private final String title;

    Screen(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
