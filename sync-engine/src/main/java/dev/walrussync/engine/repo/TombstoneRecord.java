package dev.walrussync.engine.repo;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * Names snapshots that were forgotten, so a rebuilt index does not bring them back before prune.
 *
 * @see <a href="../../../../../../../docs/design/storage-format.md">storage format, 6.3</a>
 */
@JsonPropertyOrder({"version", "time", "forgotten"})
public record TombstoneRecord(int version, String time, List<String> forgotten) {}
