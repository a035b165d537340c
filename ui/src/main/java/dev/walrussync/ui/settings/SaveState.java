package dev.walrussync.ui.settings;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * One section's save: whether it runs, and the line that confirms it or says why it failed. Changes on the FX
 * executor's thread only.
 */
public final class SaveState {
    private final ReadOnlyBooleanWrapper saving = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper error = new ReadOnlyBooleanWrapper(false);

    void start(String what) {
        saving.set(true);
        error.set(false);
        message.set(what);
    }

    void done(String confirmation) {
        saving.set(false);
        error.set(false);
        message.set(confirmation);
    }

    void fail(String why) {
        saving.set(false);
        error.set(true);
        message.set(why);
    }

    /** A note that is neither a confirmation nor an error. */
    void note(String text) {
        error.set(false);
        message.set(text);
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return saving.getReadOnlyProperty();
    }

    /** The confirmation, the reason a save failed or the input is wrong, or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Whether {@link #messageProperty()} says something went wrong. */
    public ReadOnlyBooleanProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
