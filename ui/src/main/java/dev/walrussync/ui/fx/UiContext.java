package dev.walrussync.ui.fx;

import dev.walrussync.ui.controls.FolderChooser;
import dev.walrussync.ui.session.RepositoryGateway;
import dev.walrussync.ui.settings.StartAtLogin;
import dev.walrussync.ui.tray.TrayIntegration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.random.RandomGenerator;

/**
 * What the composition root hands the UI.
 *
 * @param gateway the app home's repository
 * @param background runs engine calls, never on the FX thread; owned and shut down by the caller
 * @param scheduler samples the sync status; owned and shut down by the caller
 * @param random picks the recovery words onboarding asks back
 * @param tray the system tray, or {@link TrayIntegration#none()}
 * @param folderChooser asks for folders
 * @param startAtLogin starts the app when the user logs in; it knows the command that launches the app
 */
public record UiContext(
        RepositoryGateway gateway,
        ExecutorService background,
        ScheduledExecutorService scheduler,
        RandomGenerator random,
        TrayIntegration tray,
        FolderChooser folderChooser,
        StartAtLogin startAtLogin) {}
