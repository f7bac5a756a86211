package de.kontor.search.internal;

import java.time.Instant;
import java.util.List;

/**
 * One thing a reader can find, as the index sees it. {@code spaceId} is the space the content lives in (or the
 * space itself for {@link Acl#SPACE_LISTING}), {@code conversationId} the conversation of a direct message;
 * {@code authorId} may be null (spaces, people). {@code url} is where a hit opens.
 */
record SearchDocument(String type, long id, Acl acl, Long spaceId, Long conversationId, Long authorId, String title,
                      String body, List<String> tags, Instant createdAt, String url) {

    String key() {
        return key(type, id);
    }

    static String key(String type, long id) {
        return type + ":" + id;
    }
}
