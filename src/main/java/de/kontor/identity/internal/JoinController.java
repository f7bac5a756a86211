package de.kontor.identity.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;

/** The public page behind an invitation link: choose a name and a password, then one is signed in. */
@Controller
class JoinController {

    private final InvitationService invitations;
    private final LoginAttempts loginAttempts;
    private final FormErrors formErrors;
    private final SecurityContextRepository contextRepository = new HttpSessionSecurityContextRepository();

    JoinController(InvitationService invitations, LoginAttempts loginAttempts, FormErrors formErrors) {
        this.invitations = invitations;
        this.loginAttempts = loginAttempts;
        this.formErrors = formErrors;
    }

    @GetMapping("/join/{token}")
    String form(@PathVariable String token, Model model, HttpServletResponse response) {
        InvitationService.Lookup lookup = invitations.lookup(token);
        if (lookup.status() != InvitationService.Status.VALID) {
            return invalid(lookup, model, response);
        }
        Map<String, String> form = new HashMap<>();
        form.put("displayName", lookup.existing() == null ? "" : lookup.existing().displayName());
        return page(token, lookup, form, model);
    }

    @PostMapping("/join/{token}")
    String join(@PathVariable String token, @RequestParam Map<String, String> form, Model model,
                HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        InvitationService.Lookup lookup = invitations.lookup(token);
        if (lookup.status() != InvitationService.Status.VALID) {
            return invalid(lookup, model, response);
        }
        Optional<KontorUser> user;
        try {
            user = invitations.accept(token, form.getOrDefault("displayName", ""), form.getOrDefault("password", ""),
                    form.get("passwordRepeat"), request.getRemoteAddr());
        } catch (DomainException.Invalid e) {
            response.setStatus(422);
            model.addAttribute("fieldErrors", formErrors.messages(e, request));
            return page(token, lookup, new HashMap<>(form), model);
        }
        if (user.isEmpty()) {
            return invalid(invitations.lookup(token), model, response);
        }
        signIn(user.get(), request, response);
        redirect.addFlashAttribute("flash", "join.welcome");
        return "redirect:/";
    }

    /** Signs the new person in, as the login form would (a new session id against session fixation). */
    private void signIn(KontorUser user, HttpServletRequest request, HttpServletResponse response) {
        user.eraseCredentials();
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null,
                user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        contextRepository.saveContext(context, request, response);
        loginAttempts.record(user.email(), request.getRemoteAddr(), true, "invitation");
    }

    private String page(String token, InvitationService.Lookup lookup, Map<String, String> form, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("email", lookup.invitation().email());
        model.addAttribute("form", form);
        return "join/form";
    }

    private String invalid(InvitationService.Lookup lookup, Model model, HttpServletResponse response) {
        response.setStatus(lookup.status() == InvitationService.Status.UNKNOWN ? 404 : 410);
        model.addAttribute("reason", lookup.status().name().toLowerCase(java.util.Locale.ROOT));
        return "join/invalid";
    }
}
