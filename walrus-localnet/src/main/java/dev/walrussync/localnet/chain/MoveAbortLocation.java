package dev.walrussync.localnet.chain;

import dev.walrussync.walrus.sui.SuiAddress;
import java.util.Objects;

/**
 * Where a Move abort happened and its code.
 *
 * @param packageId the package that holds the module (the storage ID, as Sui reports it since protocol 48)
 * @param module the module name
 * @param function the function name
 * @param instruction the bytecode offset; local values are representative, not Walrus's real offsets
 * @param abortCode the abort code
 */
public record MoveAbortLocation(SuiAddress packageId, String module, String function, int instruction, long abortCode) {
    public MoveAbortLocation {
        Objects.requireNonNull(packageId, "packageId");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(function, "function");
    }
}
