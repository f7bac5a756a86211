package de.kontor.identity.internal;

import java.util.HashMap;
import java.util.List;
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
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;

/** Settings → API tokens: list, create (the secret is shown once), revoke. */
@Controller
class TokenController {

    private final TokenService tokens;
    private final FormErrors formErrors;

    TokenController(TokenService tokens, FormErrors formErrors) {
        this.tokens = tokens;
        this.formErrors = formErrors;
    }

    @GetMapping("/settings/tokens")
    String list(@AuthenticationPrincipal KontorUser me, Model model) {
        return page(me, Map.of(), List.of("read"), model);
    }

    @PostMapping("/settings/tokens")
    String create(@AuthenticationPrincipal KontorUser me, @RequestParam(defaultValue = "") String name,
                  @RequestParam(required = false) List<String> scopes,
                  @RequestParam(defaultValue = "") String expiresInDays, Model model, HttpServletRequest request,
                  HttpServletResponse response) {
        try {
            ApiTokens.Created created = tokens.create(me, name, scopes, days(expiresInDays), null,
                    request.getRemoteAddr());
            response.setStatus(201);
            model.addAttribute("created", created);
            return "settings/token-created";
        } catch (DomainException.Invalid e) {
            response.setStatus(422);
            model.addAttribute("fieldErrors", formErrors.messages(e, request));
            Map<String, String> form = new HashMap<>();
            form.put("name", name);
            form.put("expiresInDays", expiresInDays);
            return page(me, form, scopes == null ? List.of() : scopes, model);
        }
    }

    @PostMapping("/settings/tokens/{id}/revoke")
    String revoke(@AuthenticationPrincipal KontorUser me, @PathVariable long id, HttpServletRequest request,
                  RedirectAttributes redirect) {
        tokens.revoke(me, id, request.getRemoteAddr());
        redirect.addFlashAttribute("flash", "account.tokens.revoked");
        return "redirect:/settings/tokens";
    }

    private String page(KontorUser me, Map<String, String> form, List<String> checked, Model model) {
        model.addAttribute("tokens", tokens.list(me));
        model.addAttribute("form", form);
        model.addAttribute("checked", checked);
        return "settings/tokens";
    }

    private static Integer days(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid("expiresInDays", "account.tokens.expiryRange", TokenService.MAX_DAYS);
        }
    }
}
