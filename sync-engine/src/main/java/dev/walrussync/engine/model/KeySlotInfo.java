package dev.walrussync.engine.model;

import java.time.Instant;

/**
 * A key slot as {@code key list} shows it.
 *
 * @param kind {@code passphrase} or {@code recovery-phrase}
 * @param current whether this slot unlocked the running session
 */
public record KeySlotInfo(String id, String kind, Instant created, boolean current) {}
