package de.kontor.identity.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import de.kontor.shared.web.Problems;

/** Until the first administrator exists, every page leads to the setup page (no default password anywhere). */
class SetupGate extends OncePerRequestFilter {

    private final UserRepository users;
    private final AtomicBoolean setUp = new AtomicBoolean();

    SetupGate(UserRepository users) {
        this.users = users;
    }

    boolean isSetUp() {
        if (!setUp.get() && users.anyUserExists()) {
            setUp.set(true);
        }
        return setUp.get();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String p = request.getServletPath();
        return p.startsWith("/setup") || p.startsWith("/css/") || p.startsWith("/js/") || p.startsWith("/webjars/")
                || p.equals("/favicon.ico") || p.equals("/error") || p.startsWith("/img/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isSetUp()) {
            chain.doFilter(request, response);
        } else if (Problems.isApi(request)) {
            Problems.write(response, 503, "Kontor is not set up yet: open /setup to create the first administrator");
        } else {
            response.sendRedirect(request.getContextPath() + "/setup");
        }
    }
}
