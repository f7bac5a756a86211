package de.kontor.spaces.internal;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import de.kontor.identity.Role;
import de.kontor.identity.UserRoleChanged;

/**
 * Memberships carry a copy of "is an external guest" so that the "external" marker needs no query into identity;
 * when an administrator changes someone's role, the copy follows.
 */
@Component
class GuestFlagSync {

    private final MemberRepository members;

    GuestFlagSync(MemberRepository members) {
        this.members = members;
    }

    @ApplicationModuleListener
    void on(UserRoleChanged event) {
        members.setGuest(event.userId(), event.to() == Role.GUEST);
    }
}
