package de.kontor.spaces;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import de.kontor.identity.KontorUser;
import de.kontor.identity.Role;

/** The rules of {@link VisibilityPolicy#decide} without a database; the matrix IT covers them over HTTP. */
class VisibilityPolicyTest {

    static KontorUser user(Role role, boolean active) {
        return new KontorUser(7, "x@example.test", null, "X", role, active, null);
    }

    @Test
    void secretSpacesDoNotExistForOutsidersButForInvitedPeopleAndAdmins() {
        assertThat(VisibilityPolicy.decide(user(Role.MEMBER, true), Visibility.SECRET, false, null, false))
                .isEqualTo(SpaceAccess.NONE);
        SpaceAccess invited = VisibilityPolicy.decide(user(Role.MEMBER, true), Visibility.SECRET, false, null, true);
        assertThat(invited.see()).isTrue();
        assertThat(invited.read()).isFalse();
        assertThat(invited.join()).isFalse();
        SpaceAccess admin = VisibilityPolicy.decide(user(Role.ADMIN, true), Visibility.SECRET, false, null, false);
        assertThat(admin.see() && admin.read() && admin.moderate() && admin.administer()).isTrue();
        assertThat(admin.write()).isFalse();
    }

    @Test
    void privateSpacesAreListedButClosed() {
        SpaceAccess a = VisibilityPolicy.decide(user(Role.MEMBER, true), Visibility.PRIVATE, false, null, false);
        assertThat(a.see()).isTrue();
        assertThat(a.read()).isFalse();
        assertThat(a.request()).isTrue();
        assertThat(a.join()).isFalse();
    }

    @Test
    void guestsSeeOnlyTheirOwnSpaces() {
        assertThat(VisibilityPolicy.decide(user(Role.GUEST, true), Visibility.PUBLIC, false, null, false))
                .isEqualTo(SpaceAccess.NONE);
        SpaceAccess member = VisibilityPolicy.decide(user(Role.GUEST, true), Visibility.SECRET, false,
                SpaceRole.MEMBER, false);
        assertThat(member.read() && member.write()).isTrue();
        assertThat(member.moderate()).isFalse();
    }

    @Test
    void rolesModerateAndAdministerAndArchivedSpacesAreReadOnly() {
        SpaceAccess moderator = VisibilityPolicy.decide(user(Role.MEMBER, true), Visibility.PUBLIC, false,
                SpaceRole.MODERATOR, false);
        assertThat(moderator.moderate()).isTrue();
        assertThat(moderator.administer()).isFalse();
        SpaceAccess owner = VisibilityPolicy.decide(user(Role.MEMBER, true), Visibility.PUBLIC, true,
                SpaceRole.OWNER, false);
        assertThat(owner.administer() && owner.read()).isTrue();
        assertThat(owner.write()).isFalse();
    }

    @Test
    void deactivatedAndAnonymousViewersGetNothing() {
        assertThat(VisibilityPolicy.decide(user(Role.ADMIN, false), Visibility.PUBLIC, false, SpaceRole.OWNER, false))
                .isEqualTo(SpaceAccess.NONE);
        assertThat(VisibilityPolicy.decide(null, Visibility.PUBLIC, false, null, false)).isEqualTo(SpaceAccess.NONE);
    }
}
