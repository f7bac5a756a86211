package de.kontor.search.internal;

import java.util.Optional;

import org.springframework.stereotype.Component;

import de.kontor.questions.QuestionDocuments;
import de.kontor.questions.QuestionDocuments.AnswerDocument;

/**
 * Accepted answers as documents of their own, written by the answerer and titled and tagged like the question: they
 * say who knows about a topic (the expert finder counts them per author). An answer that loses the mark is removed.
 */
@Component
class AnswerSource implements DocumentSource {

    static final String TYPE = "answer";

    private final QuestionDocuments questions;

    AnswerSource(QuestionDocuments questions) {
        this.questions = questions;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<SearchDocument> load(long id) {
        return questions.acceptedAnswer(id).map(AnswerSource::document);
    }

    @Override
    public Batch page(long afterId, int limit) {
        return Batch.of(questions.acceptedAnswers(afterId, limit), limit, AnswerDocument::id,
                a -> Optional.of(document(a)));
    }

    static SearchDocument document(AnswerDocument a) {
        return new SearchDocument(TYPE, a.id(), a.spaceId() == null ? Acl.COMPANY : Acl.SPACE_CONTENT, a.spaceId(),
                null, a.authorId(), a.questionTitle(), a.text(), a.tags(), a.createdAt(),
                "/questions/" + a.questionId() + "#answer-" + a.id());
    }
}
