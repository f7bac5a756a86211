package de.kontor.search.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import de.kontor.stream.PostDocuments;
import de.kontor.stream.PostDocuments.PostDocument;

/**
 * Posts with their comments in one document: a hit opens the post, where the comments are; comments as documents
 * of their own would list one conversation many times. Profile posts ({@code spaceId} null) follow the stream's
 * rule: every active member reads them, guests never ({@link Acl#COMPANY}).
 */
@Component
class PostSource implements DocumentSource {

    static final String TYPE = "post";
    private static final int TITLE_MAX = 120;

    private final PostDocuments posts;

    PostSource(PostDocuments posts) {
        this.posts = posts;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<SearchDocument> load(long id) {
        return posts.find(id).filter(p -> !p.deleted()).map(PostSource::document);
    }

    @Override
    public Batch page(long afterId, int limit) {
        return Batch.of(posts.page(afterId, limit), limit, PostDocument::id, p -> Optional.of(document(p)));
    }

    static SearchDocument document(PostDocument p) {
        StringBuilder body = new StringBuilder(p.text());
        for (String comment : p.comments()) {
            body.append("\n\n").append(comment);
        }
        return new SearchDocument(TYPE, p.id(), p.spaceId() == null ? Acl.COMPANY : Acl.SPACE_CONTENT, p.spaceId(),
                null, p.authorId(), title(p.text()), body.toString(), p.tags(), p.createdAt(), "/posts/" + p.id());
    }

    /** The first line of the text, shortened at a word: posts have no title of their own. */
    static String title(String text) {
        String first = text.strip().lines().findFirst().orElse("").strip();
        if (first.length() <= TITLE_MAX) {
            return first;
        }
        int cut = first.lastIndexOf(' ', TITLE_MAX);
        return first.substring(0, cut > TITLE_MAX / 2 ? cut : TITLE_MAX) + " …";
    }
}
