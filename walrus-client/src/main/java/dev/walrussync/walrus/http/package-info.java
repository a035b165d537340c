/** HTTP plumbing shared by the Walrus and Sui clients: errors, retries with backoff and jitter. */
@NullMarked
package dev.walrussync.walrus.http;

import org.jspecify.annotations.NullMarked;
