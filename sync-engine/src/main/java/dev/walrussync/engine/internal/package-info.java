/** Small helpers shared inside the engine; never used by other modules. */
package dev.walrussync.engine.internal;
