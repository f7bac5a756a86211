package de.kontor.search.internal;

import java.util.List;
import java.util.Optional;

/**
 * One kind of searchable content. Adding a kind (wiki pages, questions, blogs, …) takes two steps: a bean
 * implementing this interface over the owning module's public read API, and outbox rows written by
 * {@link OutboxListeners} from that module's events (in the writing transaction). Access is never decided here: a
 * document only names its {@link Acl} kind and ids, the query filters with the reader's current permissions.
 */
interface DocumentSource {

    /** The type name in the index, the API and the {@code type} facet ({@code post}, {@code space}, …). */
    String type();

    /** The document as it is now; empty when it is gone (deleted, deactivated): it is then removed from the index. */
    Optional<SearchDocument> load(long id);

    /**
     * The current documents among the next {@code limit} ids greater than {@code afterId}, by id (a full rebuild);
     * {@link Batch#lastId()} is where the next page starts, null when there is none.
     */
    Batch page(long afterId, int limit);

    /** One page of a rebuild: the documents and the last id read (documents may skip ids, e.g. inactive people). */
    record Batch(List<SearchDocument> documents, Long lastId) {

        static <T> Batch of(List<T> rows, int limit, java.util.function.ToLongFunction<T> id,
                            java.util.function.Function<T, Optional<SearchDocument>> document) {
            List<SearchDocument> docs = rows.stream().flatMap(r -> document.apply(r).stream()).toList();
            Long last = rows.size() < limit || rows.isEmpty() ? null : id.applyAsLong(rows.getLast());
            return new Batch(docs, last);
        }
    }
}
