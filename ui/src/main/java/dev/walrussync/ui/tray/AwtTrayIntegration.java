package dev.walrussync.ui.tray;

import dev.walrussync.ui.fx.AppIcons;
import java.awt.AWTException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.EventQueue;
import java.awt.Graphics2D;
import java.awt.Menu;
import java.awt.MenuItem;
import java.awt.PopupMenu;
import java.awt.RenderingHints;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.geom.Arc2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import javax.imageio.ImageIO;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tray through AWT's {@link SystemTray}, the only tray API the JDK has. AWT calls happen on the AWT event thread;
 * menu actions are handed to the FX thread through {@code fxExecutor}. Linux desktops without a tray (GNOME without
 * the AppIndicator extension) report no support, and the window is used instead.
 *
 * <p>The icons are the PNGs rendered from {@code installers/icons/tray}, at the size closest to the tray's; only the
 * progress ring of a running backup is drawn here, over the syncing icon.
 */
@AllowedToUseAwt
public final class AwtTrayIntegration implements TrayIntegration {
    private static final Logger LOG = LoggerFactory.getLogger(AwtTrayIntegration.class);
    /** The sizes the tray icons are rendered at; see {@code installers/icons/render.sh}. */
    static final List<Integer> SIZES = List.of(16, 22, 24, 32, 48, 64);
    /** The size used when the tray asks for more than the largest, or says nothing useful. */
    static final int FALLBACK_SIZE = 64;
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
        int size;
        try {
            size = iconSize(SystemTray.getSystemTray().getTrayIconSize());
            for (TrayState s : TrayState.values()) {
                icons.put(s, load(s, size));
            }
        } catch (RuntimeException e) {
            LOG.warn("the tray icons cannot be loaded ({}); the window stays open instead", e.toString());
            return false;
        }
        for (int i = 0; i <= PROGRESS_STEPS; i++) {
            progressIcons[i] = withProgress(icons.get(TrayState.SYNCING), (double) i / PROGRESS_STEPS);
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
     * The size of icon to load for a tray that shows {@code tray}: the smallest rendered size at least as large, so
     * the tray only ever scales down; {@link #FALLBACK_SIZE} when the tray is larger than all or reports no size.
     */
    static int iconSize(Dimension tray) {
        int wanted = Math.max(tray.width, tray.height);
        if (wanted <= 0) {
            return FALLBACK_SIZE;
        }
        return SIZES.stream().filter(s -> s >= wanted).findFirst().orElse(FALLBACK_SIZE);
    }

    /** The icon of {@code state} at {@code size} pixels, one of {@link #SIZES}, from the packaged PNGs. */
    static BufferedImage load(TrayState state, int size) {
        URL url = AppIcons.resource("tray-" + state.name().toLowerCase(Locale.ROOT) + "-" + size + ".png");
        BufferedImage read;
        try {
            read = ImageIO.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + url, e);
        }
        if (read == null) {
            throw new IllegalStateException("no image decoder for " + url);
        }
        return copy(read);
    }

    /**
     * {@code syncing} with a white ring over its badge's edge, filled clockwise from the top to {@code progress} (0 to
     * 1); the ring's size follows the image's, so every size shows the same ring.
     */
    static BufferedImage withProgress(BufferedImage syncing, double progress) {
        BufferedImage img = copy(syncing);
        double size = Math.min(img.getWidth(), img.getHeight());
        double inset = size * 5 / 64;
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.setStroke(new BasicStroke((float) (size * 7 / 64), BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
            double extent = -360 * Math.clamp(progress, 0.0, 1.0);
            g.draw(new Arc2D.Double(inset, inset, size - 2 * inset, size - 2 * inset, 90, extent, Arc2D.OPEN));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** A copy of {@code source} in ARGB that can be drawn on without touching the original. */
    private static BufferedImage copy(BufferedImage source) {
        BufferedImage img = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        try {
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return img;
    }
}
