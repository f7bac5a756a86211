package de.kontor.identity;

import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Access to the signed-in person from any module. */
public final class CurrentUser {

    private CurrentUser() {
    }

    public static Optional<KontorUser> get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getPrincipal() instanceof KontorUser u ? Optional.of(u) : Optional.empty();
    }
}
