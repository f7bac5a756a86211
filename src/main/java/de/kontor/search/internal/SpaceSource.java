package de.kontor.search.internal;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.SpaceDirectory.SpaceText;

/** Spaces by name and description, for everyone who may see the space ({@link Acl#SPACE_LISTING}). */
@Component
class SpaceSource implements DocumentSource {

    static final String TYPE = "space";

    private final SpaceDirectory spaces;

    SpaceSource(SpaceDirectory spaces) {
        this.spaces = spaces;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<SearchDocument> load(long id) {
        return spaces.text(id).map(SpaceSource::document);
    }

    @Override
    public Batch page(long afterId, int limit) {
        return Batch.of(spaces.texts(afterId, limit), limit, SpaceText::id, s -> Optional.of(document(s)));
    }

    static SearchDocument document(SpaceText s) {
        return new SearchDocument(TYPE, s.id(), Acl.SPACE_LISTING, s.id(), null, null, s.name(), s.description(),
                List.of(), s.createdAt(), "/spaces/" + s.id());
    }
}
