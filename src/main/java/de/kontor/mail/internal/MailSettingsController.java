package de.kontor.mail.internal;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

/** Settings → E-mail: the person's digest (frequency, hour, time zone) and whether their address receives mail. */
@Controller
class MailSettingsController {

    /** Offered in the form; any other valid zone id is accepted too. */
    static final List<String> ZONES = List.of("Europe/Berlin", "Europe/Vienna", "Europe/Zurich", "Europe/London",
            "Europe/Paris", "Europe/Warsaw", "Europe/Istanbul", "America/New_York", "America/Chicago",
            "America/Los_Angeles", "Asia/Kolkata", "Asia/Shanghai", "Asia/Tokyo", "Australia/Sydney", "UTC");

    private final Digests digests;
    private final MailOutbox outbox;
    private final OutboxRepository addresses;
    private final FormErrors formErrors;

    MailSettingsController(Digests digests, MailOutbox outbox, OutboxRepository addresses, FormErrors formErrors) {
        this.digests = digests;
        this.outbox = outbox;
        this.addresses = addresses;
        this.formErrors = formErrors;
    }

    @GetMapping("/settings/email")
    String page(@AuthenticationPrincipal KontorUser viewer, Model model) {
        return render(viewer, digests.settings(viewer), model);
    }

    @PostMapping("/settings/email")
    String save(@AuthenticationPrincipal KontorUser viewer, @RequestParam Map<String, String> form, Model model,
                HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            digests.update(viewer, form.get("frequency"), form.get("hour"), form.get("zone"));
        } catch (DomainException.Invalid e) {
            response.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, request));
            return render(viewer, new Digests.DigestSettings(digests.settings(viewer).frequency(), 7,
                    form.getOrDefault("zone", "")), model);
        }
        redirect.addFlashAttribute("flash", "mail.settings.saved");
        return "redirect:/settings/email";
    }

    private String render(KontorUser viewer, Digests.DigestSettings settings, Model model) {
        model.addAttribute("digest", settings);
        model.addAttribute("zones", ZONES.contains(settings.zone()) || settings.zone().isBlank() ? ZONES
                : java.util.stream.Stream.concat(ZONES.stream(), java.util.stream.Stream.of(settings.zone()))
                .toList());
        model.addAttribute("mailOn", outbox.enabled());
        model.addAttribute("blocked", addresses.blocked(viewer.email()));
        model.addAttribute("email", viewer.email());
        return "mail/settings";
    }
}
