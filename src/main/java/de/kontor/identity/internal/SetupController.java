package de.kontor.identity.internal;

import java.util.HashMap;
import java.util.Map;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.Role;
import de.kontor.shared.AuditLog;
import de.kontor.shared.Validation;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;

/** First start: creates the first administrator. Disappears for good once any user exists. */
@Controller
class SetupController {

    private final UserRepository users;
    private final PasswordEncoder encoder;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final FormErrors formErrors;

    SetupController(UserRepository users, PasswordEncoder encoder, TransactionTemplate tx, AuditLog audit,
                    FormErrors formErrors) {
        this.users = users;
        this.encoder = encoder;
        this.tx = tx;
        this.audit = audit;
        this.formErrors = formErrors;
    }

    @GetMapping("/setup")
    String form(Model model) {
        if (users.anyUserExists()) {
            return "redirect:/login";
        }
        model.addAttribute("form", Map.of());
        return "identity/setup";
    }

    @PostMapping("/setup")
    String create(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect,
                  jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        String name = form.getOrDefault("displayName", "");
        String email = form.getOrDefault("email", "");
        String password = form.getOrDefault("password", "");
        try {
            PasswordRules.validate(new Validation()
                    .length("displayName", name, 1, 120)
                    .email("email", email), "password", password, form.get("passwordRepeat"))
                    .throwIfInvalid();
            Long id = tx.execute(s -> {
                // a table lock makes two concurrent setup requests unable to create two first admins
                users.lockUsers();
                if (users.anyUserExists()) {
                    return null;
                }
                return users.create(email, encoder.encode(password), name, Role.ADMIN);
            });
            if (id == null) {
                return "redirect:/login";
            }
            audit.record(id, "setup.admin_created", "user:" + id, request.getRemoteAddr(), null);
            redirect.addFlashAttribute("flash", "setup.done");
            return "redirect:/login";
        } catch (DomainException.Invalid e) {
            response.setStatus(422);
            model.addAttribute("form", new HashMap<>(form));
            model.addAttribute("fieldErrors", formErrors.messages(e, request));
            return "identity/setup";
        }
    }
}
