/** Starting the desktop app: the UI's gateway to the app home, and the check for a display. */
package dev.walrussync.app.desktop;
