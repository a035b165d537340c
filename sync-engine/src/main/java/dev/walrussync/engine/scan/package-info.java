/** Change detection while walking folders: exclude rules and the unchanged-file check. */
package dev.walrussync.engine.scan;
