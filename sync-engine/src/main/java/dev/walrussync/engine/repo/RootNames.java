package dev.walrussync.engine.repo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names the entries of a snapshot's root tree: one per backed-up path, after its last element, with
 * {@code -2}, {@code -3} … appended where two paths share a name.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 6.1</a>
 */
public final class RootNames {
    private RootNames() {}

    public static List<String> assign(List<String> paths) {
        List<String> names = new ArrayList<>(paths.size());
        Set<String> used = new HashSet<>();
        for (String p : paths) {
            Path fileName = Path.of(p).getFileName();
            String base = fileName == null ? "root" : fileName.toString();
            String name = base;
            for (int i = 2; !used.add(name); i++) {
                name = base + "-" + i;
            }
            names.add(name);
        }
        return names;
    }
}
