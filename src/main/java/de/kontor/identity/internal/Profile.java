package de.kontor.identity.internal;

import java.time.Instant;
import java.util.List;

import de.kontor.identity.Role;
import de.kontor.identity.UserSummary;
import de.kontor.shared.Markdown;

/** A person's full profile as shown on the profile page, in the directory and in the API (never the avatar bytes). */
public record Profile(long id, String email, String displayName, Role role, boolean active, String jobTitle,
                      Long orgUnitId, String orgUnitName, String location, String phone, String company, String about,
                      String locale, boolean hasAvatar, int avatarVersion, Instant createdAt, List<String> skills) {

    public boolean guest() {
        return role == Role.GUEST;
    }

    public String initials() {
        return new UserSummary(id, displayName, email, role, active, jobTitle, orgUnitName, company, avatarVersion)
                .initials();
    }

    public String aboutHtml() {
        return Markdown.toSafeHtml(about);
    }

    /** Versioned so that browsers may cache it; null when the person has no picture. */
    public String avatarUrl() {
        return hasAvatar ? "/people/" + id + "/avatar?v=" + avatarVersion : null;
    }
}
