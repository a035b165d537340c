package dev.walrussync.ui.controls;

import java.io.File;
import java.nio.file.Path;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import org.jspecify.annotations.Nullable;

/** Asks the user for a folder. The system's dialog in the app; tests answer without one. */
@FunctionalInterface
public interface FolderChooser {
    /** The chosen folder, or null if the user cancelled. Called on the FX thread. */
    @Nullable
    Path choose(@Nullable Window owner, String title);

    /** The platform's folder dialog. */
    static FolderChooser system() {
        return (owner, title) -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            File f = chooser.showDialog(owner);
            return f == null ? null : f.toPath();
        };
    }
}
