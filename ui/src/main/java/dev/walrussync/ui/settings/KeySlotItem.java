package dev.walrussync.ui.settings;

/**
 * A key slot as the Keys section lists it.
 *
 * @param id the slot's ID, which removing it takes
 * @param kind what opens it, in words: "Passphrase" or "Recovery phrase"
 * @param added when it was added, in the user's time zone
 * @param inUse "Unlocked this session" for the slot that unlocked the running session, else empty
 * @param passphrase whether a passphrase opens it (not the recovery phrase)
 */
public record KeySlotItem(String id, String kind, String added, String inUse, boolean passphrase) {}
