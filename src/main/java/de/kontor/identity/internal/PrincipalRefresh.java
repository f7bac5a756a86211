package de.kontor.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
/**
 * After a profile change, replaces the principal of a signed-in browser session so that a new name or language
 * takes effect on the very next page (the principal is a snapshot taken at login).
 */
@Component
class PrincipalRefresh {

    private final UserRepository users;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    PrincipalRefresh(UserRepository users) {
        this.users = users;
    }

    void refresh(long userId, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        // bearer-token requests authenticate anew each time; only session logins keep a stored principal
        if (!(current instanceof UsernamePasswordAuthenticationToken)) {
            return;
        }
        users.findPrincipal(userId).ifPresent(user -> {
            user.eraseCredentials();
            UsernamePasswordAuthenticationToken auth =
                    UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            auth.setDetails(current.getDetails());
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(auth);
            SecurityContextHolder.setContext(context);
            repository.saveContext(context, request, response);
        });
    }
}
