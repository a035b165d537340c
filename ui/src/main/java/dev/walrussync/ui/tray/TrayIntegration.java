package dev.walrussync.ui.tray;

import java.util.List;

/**
 * The app's presence in the system tray. Where the desktop has no tray, {@link #install} returns false and the main
 * window stays the way in (and says so). Methods are called on the FX thread; menu actions run on it.
 */
public interface TrayIntegration {
    /** Adds the icon with this menu; false if this desktop has no system tray. */
    boolean install(List<TrayMenuItem> menu);

    /**
     * Shows the state in the icon and the tooltip, and the menu (its labels follow the state). Called with every
     * status sample; an integration may keep a native menu whose labels are unchanged, as an entry with the same
     * label does the same thing.
     *
     * @param progress how far the running backups are, 0 to 1, drawn on the icon while syncing; -1 for none
     */
    void update(TrayState state, double progress, String tooltip, List<TrayMenuItem> menu);

    /**
     * Shows a notification beside the icon.
     *
     * @param warning whether it reports a problem (a warning icon) rather than news
     * @return false if this tray cannot show one (the caller shows it in the window instead)
     */
    boolean notify(String title, String message, boolean warning);

    /** Removes the icon. */
    void close();

    /** No tray at all: the window is the whole app. */
    static TrayIntegration none() {
        return new TrayIntegration() {
            @Override
            public boolean install(List<TrayMenuItem> menu) {
                return false;
            }

            @Override
            public void update(TrayState state, double progress, String tooltip, List<TrayMenuItem> menu) {}

            @Override
            public boolean notify(String title, String message, boolean warning) {
                return false;
            }

            @Override
            public void close() {}
        };
    }
}
