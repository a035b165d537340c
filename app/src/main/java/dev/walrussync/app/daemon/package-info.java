/**
 * The watch daemon's local IPC channel: a Unix domain socket in the app home ({@code daemon.sock}, readable by its
 * owner only) over which {@code walrus-sync status}, {@code watch pause} and the other commands talk to a running
 * daemon, one JSON request and one JSON reply per connection. See docs/design/watch-daemon.md.
 */
@NullMarked
package dev.walrussync.app.daemon;

import org.jspecify.annotations.NullMarked;
