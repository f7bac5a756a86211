package de.kontor.search.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.stereotype.Component;

import de.kontor.identity.IdentityApi;
import de.kontor.identity.PersonText;

/**
 * Active people by name, job title, unit, company and skills, for the company's members (the people directory is
 * not open to guests either, {@link Acl#COMPANY}).
 */
@Component
class PersonSource implements DocumentSource {

    static final String TYPE = "person";

    private final IdentityApi identity;

    PersonSource(IdentityApi identity) {
        this.identity = identity;
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public Optional<SearchDocument> load(long id) {
        return identity.people(id - 1, 1).stream().filter(p -> p.id() == id).findFirst()
                .flatMap(PersonSource::document);
    }

    @Override
    public Batch page(long afterId, int limit) {
        return Batch.of(identity.people(afterId, limit), limit, PersonText::id, PersonSource::document);
    }

    /** Empty for deactivated people: they are not found any more. */
    static Optional<SearchDocument> document(PersonText p) {
        if (!p.active()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        lines.add(p.jobTitle());
        lines.add(p.orgUnit());
        lines.add(p.company());
        lines.addAll(p.skills());
        String body = String.join("\n", lines.stream().filter(Objects::nonNull).filter(s -> !s.isBlank()).toList());
        return Optional.of(new SearchDocument(TYPE, p.id(), Acl.COMPANY, null, null, null, p.displayName(), body,
                List.of(), p.updatedAt(), "/people/" + p.id()));
    }
}
