package de.kontor.identity.internal;

import java.util.Arrays;
import java.util.Locale;

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
import org.springframework.web.util.UriComponentsBuilder;

import de.kontor.identity.KontorUser;
import de.kontor.identity.Role;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.shared.web.FormErrors;

/** The administration area: start page, people and their accounts, audit log. */
@Controller
class AdminController {

    private static final int AUDIT_PAGE_SIZE = 50;

    private final UserAdministration administration;
    private final AuditTrail auditTrail;
    private final FormErrors formErrors;

    AdminController(UserAdministration administration, AuditTrail auditTrail, FormErrors formErrors) {
        this.administration = administration;
        this.auditTrail = auditTrail;
        this.formErrors = formErrors;
    }

    @GetMapping("/admin")
    String start(@AuthenticationPrincipal KontorUser me) {
        UserAdministration.requireAdmin(me);
        return "admin/index";
    }

    @GetMapping("/admin/users")
    String users(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String q,
                 @RequestParam(required = false) String role, @RequestParam(required = false) String status,
                 @RequestParam(required = false) String cursor, Model model) {
        Role roleFilter = role == null || role.isBlank() ? null : parseRole(role);
        return usersPage(me, new UserAdminRepository.Filter(blankToNull(q), roleFilter, parseStatus(status)),
                cursor, model);
    }

    @PostMapping("/admin/users/{id}/deactivate")
    String deactivate(@AuthenticationPrincipal KontorUser me, @PathVariable long id, HttpServletRequest request,
                      HttpServletResponse response, RedirectAttributes redirect, Model model) {
        return act(me, () -> administration.deactivate(me, id, request.getRemoteAddr()), "admin.users.deactivated",
                request, response, redirect, model);
    }

    @PostMapping("/admin/users/{id}/reactivate")
    String reactivate(@AuthenticationPrincipal KontorUser me, @PathVariable long id, HttpServletRequest request,
                      HttpServletResponse response, RedirectAttributes redirect, Model model) {
        return act(me, () -> administration.reactivate(me, id, request.getRemoteAddr()), "admin.users.reactivated",
                request, response, redirect, model);
    }

    @PostMapping("/admin/users/{id}/role")
    String role(@AuthenticationPrincipal KontorUser me, @PathVariable long id, @RequestParam String role,
                HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Model model) {
        return act(me, () -> administration.changeRole(me, id, parseRole(role), request.getRemoteAddr()),
                "admin.users.roleChanged", request, response, redirect, model);
    }

    @GetMapping("/admin/audit")
    String audit(@AuthenticationPrincipal KontorUser me, @RequestParam(required = false) String cursor, Model model) {
        model.addAttribute("page", auditTrail.page(me, cursor, AUDIT_PAGE_SIZE));
        model.addAttribute("first", cursor == null || cursor.isBlank());
        return "admin/audit";
    }

    /** Runs an action; a refused one (last admin, oneself, bad role) shows the list again with the reason. */
    private String act(KontorUser me, Runnable action, String doneKey, HttpServletRequest request,
                       HttpServletResponse response, RedirectAttributes redirect, Model model) {
        try {
            action.run();
            redirect.addFlashAttribute("flash", doneKey);
            return "redirect:/admin/users";
        } catch (DomainException.Conflict | DomainException.Invalid e) {
            response.setStatus(e.status());
            model.addAttribute("alert", formErrors.messages(e, request).values().iterator().next());
            return usersPage(me, new UserAdminRepository.Filter(null, null, null), null, model);
        }
    }

    private String usersPage(KontorUser me, UserAdminRepository.Filter filter, String cursor, Model model) {
        Page<UserAdminRepository.UserRow> page = administration.list(me, filter, cursor);
        model.addAttribute("filter", filter);
        model.addAttribute("page", page);
        model.addAttribute("roles", Arrays.asList(Role.values()));
        model.addAttribute("first", cursor == null || cursor.isBlank());
        if (page.nextCursor() != null) {
            model.addAttribute("nextUrl", UriComponentsBuilder.fromPath("/admin/users")
                    .queryParamIfPresent("q", java.util.Optional.ofNullable(filter.query()))
                    .queryParamIfPresent("role", java.util.Optional.ofNullable(filter.role()).map(Role::name))
                    .queryParamIfPresent("status", java.util.Optional.ofNullable(filter.status()))
                    .queryParam("cursor", page.nextCursor())
                    .encode().build().toUriString());
        }
        return "admin/users";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Role parseRole(String role) {
        if (role == null || role.isBlank()) {
            return null;
        }
        try {
            return Role.valueOf(role.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException.Invalid("role", "admin.users.roleUnknown");
        }
    }

    private static String parseStatus(String status) {
        return status != null && (status.equals("active") || status.equals("inactive") || status.equals("pending"))
                ? status : null;
    }
}
