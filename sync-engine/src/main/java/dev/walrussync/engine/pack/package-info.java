/** The pack format: encrypted chunks plus an encrypted header, and Padmé padding. */
package dev.walrussync.engine.pack;
