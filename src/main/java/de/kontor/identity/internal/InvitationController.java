package de.kontor.identity.internal;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.KontorUser;
import de.kontor.identity.Role;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;

/** Administrators invite people by e-mail and pass the one-time link on themselves (no mail yet). */
@Controller
class InvitationController {

    private final InvitationService invitations;
    private final FormErrors formErrors;

    InvitationController(InvitationService invitations, FormErrors formErrors) {
        this.invitations = invitations;
        this.formErrors = formErrors;
    }

    @GetMapping("/admin/invitations")
    String list(@AuthenticationPrincipal KontorUser me, Model model) {
        return page(me, Map.of("role", Role.MEMBER.name()), model);
    }

    @PostMapping("/admin/invitations")
    String invite(@AuthenticationPrincipal KontorUser me, @RequestParam Map<String, String> form, Model model,
                  HttpServletRequest request, HttpServletResponse response) {
        try {
            InvitationService.Created created = invitations.invite(me, form.getOrDefault("email", ""),
                    role(form.get("role")), request.getRemoteAddr());
            response.setStatus(201);
            model.addAttribute("created", created);
            return "admin/invitation-created";
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            response.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, request));
            return page(me, new HashMap<>(form), model);
        }
    }

    @PostMapping("/admin/invitations/{id}/revoke")
    String revoke(@AuthenticationPrincipal KontorUser me, @PathVariable long id, HttpServletRequest request,
                  RedirectAttributes redirect) {
        invitations.revoke(me, id, request.getRemoteAddr());
        redirect.addFlashAttribute("flash", "admin.invitations.revoked");
        return "redirect:/admin/invitations";
    }

    private String page(KontorUser me, Map<String, String> form, Model model) {
        model.addAttribute("open", invitations.open(me));
        model.addAttribute("form", form);
        model.addAttribute("roles", Arrays.asList(Role.values()));
        return "admin/invitations";
    }

    static Role role(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException.Invalid("role", "admin.users.roleUnknown");
        }
    }
}
