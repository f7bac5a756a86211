package de.kontor.identity.internal;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import de.kontor.shared.web.JteViewResolver;

/** Answers 429 with a message on the login page once an account or an address has failed too often. */
class LoginRateLimitFilter extends OncePerRequestFilter {

    private final LoginAttempts attempts;
    private final JteViewResolver views;

    LoginRateLimitFilter(LoginAttempts attempts, JteViewResolver views) {
        this.attempts = attempts;
        this.views = views;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String email = request.getParameter("username");
        String ip = request.getRemoteAddr();
        if (attempts.limited(email, ip)) {
            attempts.record(email, ip, false, "rate_limited");
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(attempts.retryAfterSeconds()));
            views.render("identity/login.jte", Map.of("error", "login.rateLimited",
                    "username", email == null ? "" : email), request, response);
            return;
        }
        chain.doFilter(request, response);
    }
}
