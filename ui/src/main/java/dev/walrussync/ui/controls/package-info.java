/**
 * Small reusable pieces: formatting of sizes, durations and amounts, the rule for new passphrases, the folder chooser,
 * and QR codes (the node-free {@link dev.walrussync.ui.controls.QrCode} a view model holds, and the {@link
 * dev.walrussync.ui.controls.QrCodeView} that draws it).
 */
@NullMarked
package dev.walrussync.ui.controls;

import org.jspecify.annotations.NullMarked;
