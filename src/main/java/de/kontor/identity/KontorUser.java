package de.kontor.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import de.kontor.shared.web.Viewer;

/** The signed-in person as Spring Security sees it; stored in the JDBC session, so keep it small. */
public final class KontorUser implements UserDetails, CredentialsContainer, Viewer {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String email;
    private String passwordHash;
    private final String displayName;
    private final Role role;
    private final boolean active;
    private final String locale;

    public KontorUser(long id, String email, String passwordHash, String displayName, Role role, boolean active,
                      String locale) {
        this.id = id;
        this.email = email;
        this.passwordHash = passwordHash;
        this.displayName = displayName;
        this.role = role;
        this.active = active;
        this.locale = locale;
    }

    @Override
    public long id() {
        return id;
    }

    public String email() {
        return email;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    public Role role() {
        return role;
    }

    @Override
    public boolean admin() {
        return role == Role.ADMIN;
    }

    @Override
    public boolean guest() {
        return role == Role.GUEST;
    }

    @Override
    public String locale() {
        return locale;
    }

    public boolean active() {
        return active;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    /** The principal name is the lower-cased e-mail (also the index of the user's JDBC sessions). */
    @Override
    public String getUsername() {
        return email.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public boolean isEnabled() {
        return active;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KontorUser other && other.id == id;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    @Override
    public String toString() {
        return "KontorUser[" + id + "]";
    }
}
