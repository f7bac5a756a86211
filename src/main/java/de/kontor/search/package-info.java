/**
 * Full-text search over everything a reader may open: each node keeps its own Lucene index under
 * {@code <kontor.data-dir>/search}, fed from the {@code search_outbox} table that content changes write in their own
 * transaction. The module only reads other modules' public APIs and is never called by them.
 */
package de.kontor.search;
