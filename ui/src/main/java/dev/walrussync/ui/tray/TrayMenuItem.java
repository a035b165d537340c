package dev.walrussync.ui.tray;

/** One entry of the tray menu, as data; the integration turns it into native items. */
public sealed interface TrayMenuItem {
    /** A clickable entry; {@code action} runs on the FX thread. */
    record Action(String label, Runnable action) implements TrayMenuItem {}

    /** A line between groups of entries. */
    record Separator() implements TrayMenuItem {}
}
