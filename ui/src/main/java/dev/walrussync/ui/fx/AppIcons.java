package dev.walrussync.ui.fx;

import java.net.URL;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;
import org.jspecify.annotations.Nullable;

/**
 * The app's icons: the PNGs rendered under {@code installers/icons}, which {@code ui/pom.xml} packages under
 * {@code dev/walrussync/ui/icons}. Every window gets the app icon through {@link #apply(Stage)}; the tray loads its
 * own files through {@link #resource(String)}.
 */
public final class AppIcons {
    /** The sizes a window gets, so each desktop picks what its title bars, task bars and switchers show. */
    public static final List<Integer> WINDOW_SIZES = List.of(16, 32, 48, 64, 128, 256);

    private static final String DIR = "/dev/walrussync/ui/icons/";

    /** The window icons, loaded once; read and written on the FX thread. */
    private static @Nullable List<Image> windowIcons;

    private AppIcons() {}

    /** The packaged icon file {@code name}, such as {@code tray-idle-22.png}. */
    public static URL resource(String name) {
        URL url = AppIcons.class.getResource(DIR + name);
        if (url == null) {
            throw new IllegalStateException(
                    "the icon " + DIR + name + " is not on the classpath; installers/icons/render.sh makes it");
        }
        return url;
    }

    /** The app icon's file at {@code size} pixels square. */
    public static URL appIcon(int size) {
        return resource("walrus-sync-" + size + ".png");
    }

    /** Gives {@code stage} the app icon at every one of {@link #WINDOW_SIZES}. Call on the FX thread. */
    public static void apply(Stage stage) {
        List<Image> icons = windowIcons;
        if (icons == null) {
            icons = WINDOW_SIZES.stream()
                    .map(size -> new Image(appIcon(size).toExternalForm()))
                    .toList();
            windowIcons = icons;
        }
        stage.getIcons().setAll(icons);
    }
}
