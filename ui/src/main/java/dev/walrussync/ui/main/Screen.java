package dev.walrussync.ui.main;

/** The main window's screens, in the navigation's order. */
public enum Screen {
    DASHBOARD("Dashboard", true),
    FOLDERS("Folders", true),
    RESTORE("Restore", true),
    STORAGE("Storage", true),
    NODES("Nodes", true),
    WALLET("Wallet", true),
    SETTINGS("Settings", false);

    private final String title;
    private final boolean built;

    Screen(String title, boolean built) {
        this.title = title;
        this.built = built;
    }

    public String title() {
        return title;
    }

    /** Whether this version has the screen; the others show a placeholder. */
    public boolean built() {
        return built;
    }
}
