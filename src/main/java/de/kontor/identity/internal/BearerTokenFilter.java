package de.kontor.identity.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import de.kontor.identity.KontorUser;
import de.kontor.shared.web.Problems;

/** Authenticates {@code Authorization: Bearer <personal access token>} on API requests. */
class BearerTokenFilter extends OncePerRequestFilter {

    private final ApiTokens tokens;

    BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /**
     * True for an API request carrying a bearer token. Tokens are accepted on {@code /api/} only: pages and their
     * forms are for browser sessions, where CSRF protection and the token scopes would otherwise be bypassed.
     */
    static boolean hasBearer(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        return h != null && h.regionMatches(true, 0, "Bearer ", 0, 7) && Problems.isApi(request);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !hasBearer(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String secret = request.getHeader("Authorization").substring(7).strip();
        Optional<ApiTokens.Authenticated> auth = tokens.authenticate(secret);
        if (auth.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            Problems.write(response, 401, "The access token is invalid, expired or revoked");
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TokenAuthentication(auth.get().user(), auth.get().scopes()));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** An authenticated API token: the user's role plus one {@code SCOPE_x} authority per token scope. */
    static final class TokenAuthentication extends AbstractAuthenticationToken {
        private final KontorUser user;

        TokenAuthentication(KontorUser user, java.util.Set<String> scopes) {
            super(authorities(user, scopes));
            this.user = user;
            setAuthenticated(true);
        }

        private static List<GrantedAuthority> authorities(KontorUser user, java.util.Set<String> scopes) {
            List<GrantedAuthority> list = new ArrayList<>(user.getAuthorities());
            scopes.forEach(s -> list.add(new SimpleGrantedAuthority("SCOPE_" + s)));
            return list;
        }

        @Override
        public Object getCredentials() {
            return null;
        }

        @Override
        public Object getPrincipal() {
            return user;
        }
    }
}
