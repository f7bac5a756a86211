package de.kontor.identity.internal;

import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import de.kontor.shared.web.JteViewResolver;
import de.kontor.shared.web.Problems;

@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Swagger UI sets inline styles; it gets a policy that allows those and nothing else extra. */
    static final String DOCS_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(UserRepository users) {
        return email -> users.findPrincipalByEmail(email)
                .filter(u -> u.getPassword() != null)
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, UserRepository users, LoginAttempts attempts,
                                            ApiTokens tokens, JteViewResolver views) throws Exception {
        RequestMatcher api = PathPatternRequestMatcher.withDefaults().matcher("/api/**");
        RequestMatcher docs = new OrRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher("/api/docs/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/api/docs"),
                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**"),
                PathPatternRequestMatcher.withDefaults().matcher("/api/swagger-ui/**"));
        SavedRequestAwareAuthenticationSuccessHandler success = new SavedRequestAwareAuthenticationSuccessHandler();
        success.setDefaultTargetUrl("/");

        http.authorizeHttpRequests(a -> a
                        // the async dispatch that completes a Server-Sent Events stream belongs to a request that
                        // was authorized when it started (a bearer token is not re-read on that dispatch)
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ASYNC).permitAll()
                        .requestMatchers("/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico", "/error",
                                "/setup", "/login", "/join/**").permitAll()
                        // one-click unsubscribe from a mail (RFC 8058): the signed token in the path is the proof
                        .requestMatchers("/mail/unsubscribe/*").permitAll()
                        // inbound webhooks authenticate by their HMAC signature (checked by the receiving module)
                        .requestMatchers(HttpMethod.POST, "/hooks/**").permitAll()
                        .requestMatchers("/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/docs", "/api/docs/**",
                                "/swagger-ui/**", "/api/swagger-ui/**").permitAll()
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .requestMatchers("/api/v1/admin/**").access(apiAccess(true))
                        .requestMatchers("/api/**").access(apiAccess(false))
                        // a guest may open their own profile and picture: Profiles decides whose, anything else 403
                        .requestMatchers(HttpMethod.GET, "/people/{id:\\d+}", "/people/{id:\\d+}/avatar")
                        .authenticated()
                        .requestMatchers("/people", "/people/**").hasAnyRole("ADMIN", "MEMBER")
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler((req, res, auth) -> {
                            attempts.record(req.getParameter("username"), req.getRemoteAddr(), true, null);
                            success.onAuthenticationSuccess(req, res, auth);
                        })
                        .failureHandler((req, res, ex) -> {
                            boolean disabled = ex instanceof DisabledException;
                            attempts.record(req.getParameter("username"), req.getRemoteAddr(), false,
                                    disabled ? "deactivated" : "bad_credentials");
                            res.sendRedirect(req.getContextPath() + (disabled ? "/login?disabled" : "/login?error"));
                        }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                // a sessionless API call carries no ambient credential, so CSRF cannot apply; it must get 401, not 403
                // mail clients POST one-click unsubscribes without a session; the signed token replaces CSRF;
                // inbound webhooks come from other tools without a session; their HMAC signature replaces CSRF
                .csrf(c -> c.ignoringRequestMatchers(BearerTokenFilter::hasBearer,
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/hooks/**"),
                        req -> api.matches(req) && req.getSession(false) == null,
                        PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/mail/unsubscribe/*")))
                .exceptionHandling(e -> e
                        // pages send everyone who is not signed in to the login page, whatever their Accept header
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                new NegatedRequestMatcher(api))
                        .defaultAuthenticationEntryPointFor((req, res, ex) -> {
                            res.setHeader("WWW-Authenticate", "Bearer");
                            Problems.write(res, 401, "Sign in or send a personal access token");
                        }, api)
                        // pages always lead to the login form, whatever the client's Accept header says
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                new NegatedRequestMatcher(api))
                        .defaultAccessDeniedHandlerFor((req, res, ex) ->
                                Problems.write(res, 403, "You are not allowed to do this"), api)
                        .defaultAccessDeniedHandlerFor((req, res, ex) -> {
                            res.setStatus(403);
                            views.render("error.jte", Map.of("status", 403, "detail", ""), req, res);
                        }, new NegatedRequestMatcher(api)))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(
                                org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter
                                        .ReferrerPolicy.SAME_ORIGIN))
                        .permissionsPolicyHeader(p -> p.policy("camera=(), microphone=(), geolocation=()")))
                .addFilterBefore(new SetupGate(users), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new LoginRateLimitFilter(attempts, views), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class);
        http.headers(h -> h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(docs,
                new StaticHeadersWriter("Content-Security-Policy", DOCS_CSP))));
        return http.build();
    }

    /**
     * API access: signed in (session or token). A token must carry {@code read} for safe methods and {@code write}
     * for changes; admin endpoints also need the ADMIN role and, for tokens, the {@code admin} scope.
     */
    static AuthorizationManager<RequestAuthorizationContext> apiAccess(boolean adminOnly) {
        return new AuthorizationManager<>() {
            @Override
            public AuthorizationResult authorize(Supplier<? extends Authentication> supplier,
                                                 RequestAuthorizationContext ctx) {
                Authentication auth = supplier.get();
                if (auth == null || !auth.isAuthenticated()
                        || !(auth.getPrincipal() instanceof de.kontor.identity.KontorUser user)) {
                    return new AuthorizationDecision(false);
                }
                if (adminOnly && !user.admin()) {
                    return new AuthorizationDecision(false);
                }
                if (auth instanceof BearerTokenFilter.TokenAuthentication) {
                    Set<String> scopes = new java.util.HashSet<>();
                    for (GrantedAuthority g : auth.getAuthorities()) {
                        if (g.getAuthority().startsWith("SCOPE_")) {
                            scopes.add(g.getAuthority().substring(6));
                        }
                    }
                    HttpServletRequest req = ctx.getRequest();
                    boolean safe = HttpMethod.GET.matches(req.getMethod()) || HttpMethod.HEAD.matches(req.getMethod());
                    boolean ok = safe ? !scopes.isEmpty() : scopes.contains("write") || scopes.contains("admin");
                    if (adminOnly) {
                        ok = ok && scopes.contains("admin");
                    }
                    return new AuthorizationDecision(ok);
                }
                return new AuthorizationDecision(true);
            }
        };
    }
}
