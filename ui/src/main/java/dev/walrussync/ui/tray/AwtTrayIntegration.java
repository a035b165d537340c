package dev.walrussync.ui.tray;

import java.awt.AWTException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.Menu;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray through AWT's {@link SystemTray}, the only tray API the JDK has. AWT calls happen on the AWT event thread;
 * menu actions are handed to the FX thread through {@code fxExecutor}. Linux desktops without a tray (GNOME without
 * the AppIndicator extension) report no support, and the window is used instead.
 */
@AllowedToUseAwt
public final class AwtTrayIntegration implements TrayIntegration {
    private static final Logger LOG = LoggerFactory.getLogger(AwtTrayIntegration.class);
    private static final int SIZE = 64;
    /** Progress is drawn in this many steps, so the icon changes a few times per backup, not on every sample. */
    private static final int PROGRESS_STEPS = 8;

    private final Executor fxExecutor;
    private final Map<TrayState, BufferedImage> icons = new EnumMap<>(TrayState.class);
    private final BufferedImage[] progressIcons = new BufferedImage[PROGRESS_STEPS + 1];
    private @Nullable TrayIcon icon;
    /** The labels of the menu the icon has; read and written on the FX thread. */
    private List<String> shownLabels = List.of();

    public AwtTrayIntegration(Executor fxExecutor) {
        this.fxExecutor = fxExecutor;
    }

    /** Whether this desktop has a system tray; false on headless machines and trays AWT cannot reach. */
    public static boolean supported() {
        try {
            return !java.awt.GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("no system tray: {}", e.toString());
            return false;
        }
    }

    @Override
    public boolean install(List<TrayMenuItem> menu) {
        if (!supported()) {
            return false;
        }
        for (TrayState s : TrayState.values()) {
            icons.put(s, draw(s, -1));
        }
        for (int i = 0; i <= PROGRESS_STEPS; i++) {
            progressIcons[i] = draw(TrayState.SYNCING, (double) i / PROGRESS_STEPS);
        }
        TrayIcon ti = new TrayIcon(icons.get(TrayState.IDLE), "Walrus Sync", popup(menu));
        ti.setImageAutoSize(true);
        ti.addActionListener(e -> menu.stream()
                .filter(TrayMenuItem.Action.class::isInstance)
                .map(TrayMenuItem.Action.class::cast)
                .findFirst()
                .ifPresent(a -> fxExecutor.execute(a.action())));
        try {
            SystemTray.getSystemTray().add(ti);
        } catch (AWTException | RuntimeException e) {
            LOG.info("the system tray refused the icon ({}); the window stays open instead", e.toString());
            return false;
        }
        icon = ti;
        shownLabels = labels(menu);
        return true;
    }

    @Override
    public void update(TrayState state, double progress, String tooltip, List<TrayMenuItem> menu) {
        TrayIcon ti = icon;
        if (ti == null) {
            return;
        }
        BufferedImage image = state == TrayState.SYNCING && progress >= 0
                ? progressIcons[(int) Math.round(Math.min(1, progress) * PROGRESS_STEPS)]
                : icons.get(state);
        List<String> labels = labels(menu);
        boolean newMenu = !labels.equals(shownLabels);
        shownLabels = labels;
        EventQueue.invokeLater(() -> {
            if (ti.getImage() != image) {
                ti.setImage(image);
            }
            ti.setToolTip(tooltip);
            if (newMenu) {
                ti.setPopupMenu(popup(menu));
            }
        });
    }

    /**
     * The menu's entries as text, nesting included: the status is sampled four times a second, and the native menu
     * is rebuilt only when what it says changes (an entry with the same label does the same thing).
     */
    static List<String> labels(List<TrayMenuItem> menu) {
        List<String> out = new ArrayList<>();
        for (TrayMenuItem item : menu) {
            switch (item) {
                case TrayMenuItem.Action a -> out.add("action:" + a.label());
                case TrayMenuItem.Info i -> out.add("info:" + i.label());
                case TrayMenuItem.Submenu sub -> {
                    out.add("submenu:" + sub.label());
                    out.addAll(labels(sub.items()));
                    out.add("end");
                }
                case TrayMenuItem.Separator sep -> out.add("separator");
            }
        }
        return out;
    }

    @Override
    public boolean notify(String title, String message, boolean warning) {
        TrayIcon ti = icon;
        if (ti == null) {
            return false;
        }
        EventQueue.invokeLater(() ->
                ti.displayMessage(title, message, warning ? TrayIcon.MessageType.WARNING : TrayIcon.MessageType.INFO));
        return true;
    }

    @Override
    public void close() {
        TrayIcon ti = icon;
        icon = null;
        if (ti != null) {
            EventQueue.invokeLater(() -> SystemTray.getSystemTray().remove(ti));
        }
    }

    private PopupMenu popup(List<TrayMenuItem> menu) {
        PopupMenu popup = new PopupMenu();
        fill(popup, menu);
        return popup;
    }

    private void fill(Menu into, List<TrayMenuItem> items) {
        for (TrayMenuItem item : items) {
            switch (item) {
                case TrayMenuItem.Action a -> {
                    MenuItem mi = new MenuItem(a.label());
                    mi.addActionListener(e -> fxExecutor.execute(a.action()));
                    into.add(mi);
                }
                case TrayMenuItem.Info i -> {
                    MenuItem mi = new MenuItem(i.label());
                    mi.setEnabled(false);
                    into.add(mi);
                }
                case TrayMenuItem.Submenu sub -> {
                    Menu m = new Menu(sub.label());
                    fill(m, sub.items());
                    into.add(m);
                }
                case TrayMenuItem.Separator s -> into.addSeparator();
            }
        }
    }

    /**
     * A round badge in the state's colour with a wave, drawn at run time so no image files are needed; while syncing
     * with a known size, a white ring fills clockwise with the progress.
     */
    private static BufferedImage draw(TrayState state, double progress) {
        Color fill = switch (state) {
            case IDLE -> new Color(0x2E7D6B);
            case SYNCING -> new Color(0x2F6FDE);
            case PAUSED -> new Color(0x8A8F98);
            case ATTENTION -> new Color(0xD9822B);
            case OFFLINE -> new Color(0x5B5F66);
        };
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(fill);
            g.fillOval(2, 2, SIZE - 4, SIZE - 4);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            switch (state) {
                case PAUSED -> {
                    g.drawLine(24, 20, 24, 44);
                    g.drawLine(40, 20, 40, 44);
                }
                case ATTENTION -> {
                    g.drawLine(32, 16, 32, 36);
                    g.fillOval(28, 42, 8, 8);
                }
                case OFFLINE -> {
                    // The wave, struck through: the network is out of reach.
                    g.drawArc(12, 22, 20, 20, 0, 180);
                    g.drawArc(32, 22, 20, 20, 180, 180);
                    g.drawLine(16, 48, 48, 16);
                }
                default -> {
                    g.drawArc(12, 22, 20, 20, 0, 180);
                    g.drawArc(32, 22, 20, 20, 180, 180);
                }
            }
            if (progress >= 0) {
                g.setStroke(new BasicStroke(7, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
                g.drawArc(5, 5, SIZE - 10, SIZE - 10, 90, -(int) Math.round(360 * progress));
            }
        } finally {
            g.dispose();
        }
        return img;
    }
}
