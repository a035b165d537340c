package dev.walrussync.engine.repo;

import dev.walrussync.engine.index.IndexDatabase.SnapshotRow;
import dev.walrussync.engine.model.ChunkId;
import dev.walrussync.engine.model.SyncException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Finds a snapshot by a unique hex prefix of its ID, or {@code latest}. */
public final class SnapshotResolver {
    private SnapshotResolver() {}

    public static SnapshotRow resolve(List<SnapshotRow> snapshots, String ref) throws SyncException {
        if (snapshots.isEmpty()) {
            throw new SyncException("the repository has no snapshots yet");
        }
        if (ref.equals("latest")) {
            return snapshots.get(snapshots.size() - 1);
        }
        String prefix = ref.toLowerCase(Locale.ROOT);
        if (prefix.length() < 4 || !prefix.matches("[0-9a-f]+")) {
            throw new SyncException("'" + ref + "' is not a snapshot ID: give at least 4 hex characters, or 'latest'");
        }
        List<SnapshotRow> matches = new ArrayList<>();
        for (SnapshotRow s : snapshots) {
            if (s.id().hex().startsWith(prefix)) {
                matches.add(s);
            }
        }
        if (matches.isEmpty()) {
            throw new SyncException("no snapshot " + ref + "; 'walrus-sync snapshots' lists them");
        }
        if (matches.size() > 1) {
            throw new SyncException("'" + ref + "' matches " + matches.size() + " snapshots; give more characters");
        }
        return matches.get(0);
    }

    /** Resolves a path inside a snapshot ("Documents/notes.txt") to its tree node, or fails clearly. */
    public static TreeNode resolvePath(Repository repo, ChunkId rootTree, String path) throws SyncException {
        String[] parts = normalize(path).split("/");
        Tree tree = repo.loadTree(rootTree);
        TreeNode found = null;
        for (int i = 0; i < parts.length; i++) {
            found = null;
            for (TreeNode n : tree.entries()) {
                if (n.name().equals(parts[i])) {
                    found = n;
                    break;
                }
            }
            if (found == null) {
                throw new SyncException("the snapshot has no '" + path + "'");
            }
            if (i < parts.length - 1) {
                if (!found.isDir() || found.tree() == null) {
                    throw new SyncException("the snapshot has no '" + path + "': '" + parts[i] + "' is not a folder");
                }
                tree = repo.loadTree(ChunkId.fromHex(found.tree()));
            }
        }
        if (found == null) {
            throw new SyncException("the snapshot has no '" + path + "'");
        }
        return found;
    }

    /** Strips leading and trailing slashes and collapses repeated ones. */
    public static String normalize(String path) {
        StringBuilder out = new StringBuilder();
        for (String part : path.split("/+")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('/');
            }
            out.append(part);
        }
        return out.toString();
    }
}
