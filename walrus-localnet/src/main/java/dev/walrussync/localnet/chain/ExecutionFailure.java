package dev.walrussync.localnet.chain;

import java.util.Objects;

/**
 * Why a transaction executed with status {@code FAILURE}: Sui's {@code ExecutionFailureStatus} (its variant name
 * and display text), the failing command, and for Move aborts the location and code.
 *
 * @param kind the variant name, e.g. {@code MoveAbort}, {@code InsufficientCoinBalance}
 * @param description Sui's display text of the variant
 * @param command the index of the failing command, or -1 if none
 * @param abort the abort location, or {@code null} unless {@code kind} is {@code MoveAbort}
 */
public record ExecutionFailure(String kind, String description, int command, MoveAbortLocation abort) {
    public ExecutionFailure {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
    }

    /** A Move abort in {@code command}. */
    public static ExecutionFailure moveAbort(int command, MoveAbortLocation location) {
        String description = "Move Runtime Abort. Location: "
                + location.packageId().toString().substring(2) + "::"
                + location.module() + "::" + location.function() + " at offset " + location.instruction()
                + ", Abort Code: " + location.abortCode();
        return new ExecutionFailure("MoveAbort", description, command, location);
    }

    /**
     * The message Sui GraphQL puts in {@code executionError.message}: {@code "Error in 1st command, from
     * '0x…::module::function' (instruction N), abort code: C"} for aborts, {@code "Error in 2nd command, <text>"}
     * for other command errors, or the bare text when no command is to blame (without the prefix for aborts too).
     */
    public String message() {
        StringBuilder message = new StringBuilder();
        if (command >= 0) {
            int n = command + 1;
            String suffix = switch (n % 10) {
                case 1 -> n % 100 != 11 ? "st" : "th";
                case 2 -> n % 100 != 12 ? "nd" : "th";
                case 3 -> n % 100 != 13 ? "rd" : "th";
                default -> "th";
            };
            message.append("Error in ").append(n).append(suffix).append(" command, ");
        }
        if (abort == null) {
            return message.append(description).toString();
        }
        return message.append("from '")
                .append(abort.packageId())
                .append("::")
                .append(abort.module())
                .append("::")
                .append(abort.function())
                .append("' (instruction ")
                .append(abort.instruction())
                .append("), abort code: ")
                .append(abort.abortCode())
                .toString();
    }
}
