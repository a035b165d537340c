package dev.walrussync.engine.model;

import java.time.Duration;

/**
 * The Walrus network's clock, as the renewal policy is measured against it.
 *
 * @param epoch the current epoch
 * @param epochDuration how long an epoch lasts
 * @param maxEpochsAhead how far ahead storage may be paid
 */
public record EpochTiming(long epoch, Duration epochDuration, int maxEpochsAhead) {}
