package de.kontor.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;

/** Settings → Password. */
@Controller
class AccountSettingsController {

    private final PasswordChange passwordChange;
    private final FormErrors formErrors;

    AccountSettingsController(PasswordChange passwordChange, FormErrors formErrors) {
        this.passwordChange = passwordChange;
        this.formErrors = formErrors;
    }

    @GetMapping("/settings/password")
    String form() {
        return "settings/password";
    }

    @PostMapping("/settings/password")
    String change(@AuthenticationPrincipal KontorUser me, @RequestParam(defaultValue = "") String currentPassword,
                  @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String passwordRepeat, HttpServletRequest request,
                  HttpServletResponse response, Model model, RedirectAttributes redirect) {
        HttpSession session = request.getSession(false);
        try {
            passwordChange.change(me, currentPassword, password, passwordRepeat,
                    session == null ? null : session.getId(), request.getRemoteAddr());
        } catch (DomainException.Invalid e) {
            response.setStatus(422);
            model.addAttribute("fieldErrors", formErrors.messages(e, request));
            return "settings/password";
        }
        redirect.addFlashAttribute("flash", "account.password.changed");
        return "redirect:/settings/password";
    }
}
