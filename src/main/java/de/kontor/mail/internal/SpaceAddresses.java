package de.kontor.mail.internal;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.spaces.SpaceAccess;
import de.kontor.spaces.VisibilityPolicy;

/**
 * Post-by-email addresses of spaces: shown to the people who may post in the space, created or replaced by the
 * space's administrators. 404 for a space the viewer may not see, 403 for one they may not read or post in, 409 for
 * replacing the address of an archived space.
 */
@Service
public class SpaceAddresses {

    /** What the space's e-mail page shows; {@code address} null when none exists yet. */
    public record SpaceAddress(long spaceId, String address, boolean canRegenerate, boolean configured) {
    }

    private final InboundRepository repository;
    private final VisibilityPolicy policy;
    private final MailSettings settings;

    SpaceAddresses(InboundRepository repository, VisibilityPolicy policy, MailSettings settings) {
        this.repository = repository;
        this.policy = policy;
        this.settings = settings;
    }

    SpaceAddress show(KontorUser viewer, long spaceId) {
        SpaceAccess access = policy.requireReadable(viewer, spaceId);
        if (!access.write()) {
            throw new DomainException.Forbidden("mail.space.notMember");
        }
        Optional<String> token = repository.spaceToken(spaceId);
        return new SpaceAddress(spaceId, token.map(this::address).orElse(null), access.administer(),
                settings.incoming());
    }

    /** A new address; the old one stops working at once. */
    @Transactional
    void regenerate(KontorUser viewer, long spaceId) {
        SpaceAccess access = policy.requireReadable(viewer, spaceId);
        if (!access.administer()) {
            throw new DomainException.Forbidden("mail.space.notOwner");
        }
        if (access.archived()) {
            throw new DomainException.Conflict(null, "space.error.archived");
        }
        if (!settings.incoming()) {
            throw new DomainException.Conflict(null, "mail.space.notConfigured");
        }
        repository.newSpaceToken(spaceId);
    }

    private String address(String token) {
        return "space+" + token + "@" + settings.replyDomain().strip();
    }
}
