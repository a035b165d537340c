/** Content-defined chunking (FastCDC with a keyed gear table). Depends only on {@code model}. */
package dev.walrussync.engine.chunk;
