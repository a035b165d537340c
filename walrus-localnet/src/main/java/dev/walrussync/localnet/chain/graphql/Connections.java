package dev.walrussync.localnet.chain.graphql;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/** Relay-style connections (edges, nodes, page info) with Sui GraphQL's opaque cursors and page-size limits. */
final class Connections {
    /** Default page size of a connection. */
    static final int DEFAULT_PAGE_SIZE = 20;
    /** Largest page a client may ask for. */
    static final int MAX_PAGE_SIZE = 50;
    /** Largest page of {@code TransactionEffects.objectChanges}. */
    static final int MAX_OBJECT_CHANGES_PAGE_SIZE = 1024;

    private Connections() {}

    /**
     * One page of a connection.
     *
     * @param edges the edges on this page
     * @param pageInfo where the page sits
     * @param <T> the node type
     */
    record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {
        public List<T> nodes() {
            return edges.stream().map(Edge::node).toList();
        }
    }

    /**
     * A node with its cursor.
     *
     * @param cursor the opaque cursor
     * @param node the node
     * @param <T> the node type
     */
    record Edge<T>(String cursor, T node) {}

    /**
     * Relay page info.
     *
     * @param hasNextPage whether more nodes follow
     * @param hasPreviousPage whether nodes precede
     * @param startCursor the first edge's cursor
     * @param endCursor the last edge's cursor
     */
    record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {}

    static String cursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    private static String key(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw GraphQlUserError.badInput("Failed to parse cursor: " + cursor);
        }
    }

    /**
     * Pages {@code items}, which must be sorted by {@code key} (string order), like Sui's paginated fields: {@code
     * first}/{@code after} page forward, {@code last}/{@code before} backward.
     */
    static <T> Connection<T> page(
            List<T> items,
            Function<T, String> key,
            Integer first,
            String after,
            Integer last,
            String before,
            int defaultSize,
            int maxSize) {
        if (first != null && last != null) {
            throw GraphQlUserError.badInput("'first' and 'last' must not be used together");
        }
        for (Integer size : new Integer[] {first, last}) {
            if (size != null && size < 0) {
                throw GraphQlUserError.badInput("Page size must not be negative: " + size);
            }
            if (size != null && size > maxSize) {
                throw GraphQlUserError.badInput("Connection's page size of " + size + " exceeds max of " + maxSize);
            }
        }
        String afterKey = after == null ? null : key(after);
        String beforeKey = before == null ? null : key(before);
        int from = 0;
        int to = items.size();
        if (afterKey != null) {
            while (from < to && key.apply(items.get(from)).compareTo(afterKey) <= 0) {
                from++;
            }
        }
        if (beforeKey != null) {
            while (to > from && key.apply(items.get(to - 1)).compareTo(beforeKey) >= 0) {
                to--;
            }
        }
        int start;
        int end;
        if (last != null) {
            end = to;
            start = Math.max(from, to - last);
        } else {
            int size = first != null ? first : defaultSize;
            start = from;
            end = Math.min(to, from + size);
        }
        List<Edge<T>> edges = new ArrayList<>();
        for (int i = start; i < end; i++) {
            T item = items.get(i);
            edges.add(new Edge<>(cursor(key.apply(item)), item));
        }
        PageInfo info = new PageInfo(
                end < items.size(),
                start > 0,
                edges.isEmpty() ? null : edges.getFirst().cursor(),
                edges.isEmpty() ? null : edges.getLast().cursor());
        return new Connection<>(edges, info);
    }

    /** A zero-padded index key, so positions sort as strings. */
    static String indexKey(int index) {
        return String.format("%010d", index);
    }
}
