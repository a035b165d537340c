/** Value types shared by the engine and its callers: IDs and records, with validation only. */
package dev.walrussync.engine.model;
