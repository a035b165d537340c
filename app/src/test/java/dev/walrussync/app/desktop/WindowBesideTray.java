package dev.walrussync.app.desktop;

import dev.walrussync.ui.tray.TrayIntegration;
import dev.walrussync.ui.tray.TrayMenuItem;
import dev.walrussync.ui.tray.TrayState;
import java.util.List;

/** A tray that installs: the window behaves, and the screenshots look, as beside a real one (Xvfb has none). */
final class WindowBesideTray implements TrayIntegration {
    @Override
    public boolean install(List<TrayMenuItem> menu) {
        return true;
    }

    @Override
    public void update(TrayState state, double progress, String tooltip, List<TrayMenuItem> menu) {}

    @Override
    public boolean notify(String title, String message, boolean warning) {
        return false;
    }

    @Override
    public void close() {}
}
