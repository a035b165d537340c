package dev.walrussync.engine.repo;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One directory: its entries, sorted by name. */
public record Tree(List<TreeNode> entries) {
    public Tree {
        List<TreeNode> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(TreeNode::name));
        entries = List.copyOf(sorted);
    }
}
