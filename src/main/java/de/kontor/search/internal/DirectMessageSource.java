package de.kontor.search.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import de.kontor.messaging.MessageDocuments;
import de.kontor.messaging.MessageDocuments.MessageDocument;

/**
 * Direct messages, one document each, for the participants of their conversation ({@link Acl#PARTICIPANTS}); a
 * former participant finds the messages up to the moment they left, as the conversation shows them.
 */
@Component
class DirectMessageSource implements DocumentSource {

    static final String TYPE = "message";

    private final MessageDocuments messages;

    DirectMessageSource(MessageDocuments messages) {
        this.messages = messages;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<SearchDocument> load(long id) {
        return messages.find(id).filter(m -> !m.deleted()).map(DirectMessageSource::document);
    }

    @Override
    public Batch page(long afterId, int limit) {
        return Batch.of(messages.page(afterId, limit), limit, MessageDocument::id, m -> Optional.of(document(m)));
    }

    static SearchDocument document(MessageDocument m) {
        return new SearchDocument(TYPE, m.id(), Acl.PARTICIPANTS, null, m.conversationId(), m.senderId(),
                PostSource.title(m.text()), m.text(), List.of(), m.createdAt(),
                "/messages/" + m.conversationId() + "#m-" + m.id());
    }
}
