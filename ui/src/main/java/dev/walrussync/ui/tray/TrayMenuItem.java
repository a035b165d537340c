package dev.walrussync.ui.tray;

import java.util.List;

/** One entry of the tray menu, as data; the integration turns it into native items. */
public sealed interface TrayMenuItem {
    /** A clickable entry; {@code action} runs on the FX thread. */
    record Action(String label, Runnable action) implements TrayMenuItem {}

    /** A line of text that cannot be clicked, such as one entry of the recent activity. */
    record Info(String label) implements TrayMenuItem {}

    /** A nested menu. */
    record Submenu(String label, List<TrayMenuItem> items) implements TrayMenuItem {
        public Submenu {
            items = List.copyOf(items);
        }
    }

    /** A line between groups of entries. */
    record Separator() implements TrayMenuItem {}
}
