package dev.walrussync.walrus.sui;

import dev.walrussync.walrus.bcs.BcsReader;
import dev.walrussync.walrus.bcs.BcsWriter;
import java.util.List;

/**
 * The inputs and commands of a programmable transaction block.
 *
 * @param inputs the inputs, referred to by {@link Argument.Input}
 * @param commands the commands, run in order
 */
public record ProgrammableTransaction(List<CallArg> inputs, List<Command> commands) {
    public ProgrammableTransaction {
        inputs = List.copyOf(inputs);
        commands = List.copyOf(commands);
    }

    public void writeTo(BcsWriter writer) {
        writer.vector(inputs, (w, i) -> i.writeTo(w));
        writer.vector(commands, (w, c) -> c.writeTo(w));
    }

    public static ProgrammableTransaction readFrom(BcsReader reader) {
        List<CallArg> inputs = reader.vector(CallArg::readFrom);
        return new ProgrammableTransaction(inputs, reader.vector(Command::readFrom));
    }
}
