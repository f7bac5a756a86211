package de.kontor.notify.internal;

import java.util.HashMap;
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

/** The notification list and the notification settings page. */
@Controller
class NotificationController {

    private final Notifications notifications;
    private final NotificationPreferences preferences;
    private final FormErrors formErrors;

    NotificationController(Notifications notifications, NotificationPreferences preferences, FormErrors formErrors) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.formErrors = formErrors;
    }

    @GetMapping("/notifications")
    String list(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String cursor,
                Model model) {
        model.addAttribute("page", notifications.list(viewer, cursor, null));
        model.addAttribute("cursor", cursor);
        return "notify/list";
    }

    /** Marks the notification read and leads to its subject (a plain link, so it works without JavaScript). */
    @GetMapping("/notifications/{id}/open")
    String open(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return "redirect:" + notifications.open(viewer, id);
    }

    @PostMapping("/notifications/{id}/read")
    String read(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        notifications.markRead(viewer, id);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/read-all")
    String readAll(@AuthenticationPrincipal KontorUser viewer, RedirectAttributes redirect) {
        notifications.markAllRead(viewer);
        redirect.addFlashAttribute("flash", "notify.allRead");
        return "redirect:/notifications";
    }

    @GetMapping("/settings/notifications")
    String settings(@AuthenticationPrincipal KontorUser viewer, Model model) {
        model.addAttribute("settings", preferences.settings(viewer));
        return "notify/settings";
    }

    /**
     * The form sends checkboxes {@code inApp.TYPE} and {@code email.TYPE} for every switched-on type (absent means
     * off) and a select
     * {@code space.ID} for every listed space.
     */
    @PostMapping("/settings/notifications")
    String save(@AuthenticationPrincipal KontorUser viewer, @RequestParam Map<String, String> form, Model model,
                HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, Boolean> inApp = new HashMap<>();
        Map<String, Boolean> email = new HashMap<>();
        for (NotificationType t : NotificationType.values()) {
            inApp.put(t.name(), form.containsKey("inApp." + t.name()));
            email.put(t.name(), form.containsKey("email." + t.name()));
        }
        Map<Long, String> levels = new HashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith("space.") && k.substring(6).matches("\\d{1,18}")) {
                levels.put(Long.parseLong(k.substring(6)), v);
            }
        });
        try {
            preferences.update(viewer, inApp, email, levels);
        } catch (DomainException.Invalid e) {
            response.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, request));
            model.addAttribute("settings", preferences.settings(viewer));
            return "notify/settings";
        }
        redirect.addFlashAttribute("flash", "notify.prefs.saved");
        return "redirect:/settings/notifications";
    }
}
