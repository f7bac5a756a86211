package de.kontor.search.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import de.kontor.blogs.ArticleDocuments;
import de.kontor.blogs.ArticleDocuments.ArticleDocument;

/**
 * Published blog articles (drafts and scheduled ones are never found). Articles of a person's blog
 * ({@code spaceId} null) are for every active member, never guests ({@link Acl#COMPANY}).
 */
@Component
class ArticleSource implements DocumentSource {

    static final String TYPE = "article";

    private final ArticleDocuments articles;

    ArticleSource(ArticleDocuments articles) {
        this.articles = articles;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<SearchDocument> load(long id) {
        return articles.find(id).map(ArticleSource::document);
    }

    @Override
    public Batch page(long afterId, int limit) {
        return Batch.of(articles.page(afterId, limit), limit, ArticleDocument::id, a -> Optional.of(document(a)));
    }

    static SearchDocument document(ArticleDocument a) {
        return new SearchDocument(TYPE, a.id(), a.spaceId() == null ? Acl.COMPANY : Acl.SPACE_CONTENT, a.spaceId(),
                null, a.authorId(), a.title(), a.text(), a.tags(), a.publishedAt(), "/articles/" + a.id());
    }
}
