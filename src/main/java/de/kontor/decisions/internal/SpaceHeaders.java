package de.kontor.decisions.internal;

import java.util.List;

import org.springframework.stereotype.Component;

import de.kontor.identity.KontorUser;
import de.kontor.spaces.SpaceAccess;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.VisibilityPolicy;

/** The space a decisions page belongs to, after the policy allowed the viewer in. */
@Component
public class SpaceHeaders {

    /** Name and the viewer's rights in the space, for headings and buttons. */
    public record SpaceHeader(long id, String name, boolean canWrite, boolean archived) {
    }

    private final VisibilityPolicy policy;
    private final SpaceDirectory spaces;

    SpaceHeaders(VisibilityPolicy policy, SpaceDirectory spaces) {
        this.policy = policy;
        this.spaces = spaces;
    }

    /** 404 when the viewer may not know the space, 403 when they may not read it. */
    SpaceHeader readable(KontorUser viewer, long spaceId) {
        return header(spaceId, policy.requireReadable(viewer, spaceId));
    }

    /** Additionally 403 for non-members and 409 for archived spaces. */
    SpaceHeader writable(KontorUser viewer, long spaceId) {
        return header(spaceId, policy.requireWritable(viewer, spaceId));
    }

    private SpaceHeader header(long spaceId, SpaceAccess access) {
        var ref = spaces.find(List.of(spaceId)).get(spaceId);
        return new SpaceHeader(spaceId, ref.name(), access.write(), access.archived());
    }
}
