package de.kontor.search.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import de.kontor.questions.QuestionDocuments;
import de.kontor.questions.QuestionDocuments.QuestionDocument;

/**
 * Questions with the text of their answers in one document (a hit opens the question, where the answers are).
 * Company-wide questions ({@code spaceId} null) are for every active member, never guests ({@link Acl#COMPANY}).
 */
@Component
class QuestionSource implements DocumentSource {

    static final String TYPE = "question";

    private final QuestionDocuments questions;

    QuestionSource(QuestionDocuments questions) {
        this.questions = questions;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<SearchDocument> load(long id) {
        return questions.question(id).map(QuestionSource::document);
    }

    @Override
    public Batch page(long afterId, int limit) {
        return Batch.of(questions.questions(afterId, limit), limit, QuestionDocument::id,
                q -> Optional.of(document(q)));
    }

    static SearchDocument document(QuestionDocument q) {
        StringBuilder body = new StringBuilder(q.text());
        for (String answer : q.answers()) {
            body.append("\n\n").append(answer);
        }
        return new SearchDocument(TYPE, q.id(), q.spaceId() == null ? Acl.COMPANY : Acl.SPACE_CONTENT, q.spaceId(),
                null, q.authorId(), q.title(), body.toString(), q.tags(), q.createdAt(), "/questions/" + q.id());
    }
}
