package de.kontor.messaging.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.KontorUser;
import de.kontor.messaging.internal.MessagingService.MessageView;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.shared.web.FormErrors;

/** The message pages and their form actions; the service decides, this parses and renders. */
@Controller
class MessagesController {

    private static final int PAGE = 30;

    private final MessagingService service;
    private final FormErrors formErrors;
    private final MessageSource messages;
    private final LocaleResolver locales;

    MessagesController(MessagingService service, FormErrors formErrors, MessageSource messages,
                       LocaleResolver locales) {
        this.service = service;
        this.formErrors = formErrors;
        this.messages = messages;
        this.locales = locales;
    }

    @GetMapping("/messages")
    String list(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String cursor,
                Model model) {
        model.addAttribute("conversations", service.list(viewer, cursor, 20));
        model.addAttribute("cursor", cursor);
        return "messaging/list";
    }

    @GetMapping("/messages/new")
    String newForm(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String to,
                   Model model) {
        service.requireCanStart(viewer);
        model.addAttribute("people", to == null ? "" : to);
        model.addAttribute("title", "");
        return "messaging/new";
    }

    /** htmx: datalist options for the last address typed into a comma-separated people field. */
    @GetMapping("/messages/suggestions")
    String suggestions(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String people,
                       Model model) {
        String typed = people == null ? "" : people;
        int cut = Math.max(typed.lastIndexOf(','), typed.lastIndexOf(';')) + 1;
        String before = typed.substring(0, cut).strip();
        model.addAttribute("prefix", before.isEmpty() ? "" : before + " ");
        model.addAttribute("suggestions", service.suggest(viewer, typed.substring(cut).strip()));
        return "messaging/suggestions";
    }

    @PostMapping("/messages")
    String start(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String people,
                 @RequestParam(required = false) String title, Model model, HttpServletRequest request,
                 HttpServletResponse response) {
        try {
            var started = service.startByEmails(viewer, people, title);
            return "redirect:/messages/" + started.view().conversation().id();
        } catch (DomainException.Invalid e) {
            response.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, request));
            model.addAttribute("people", people == null ? "" : people);
            model.addAttribute("title", title == null ? "" : title);
            return "messaging/new";
        }
    }

    @GetMapping("/messages/{id:\\d+}")
    String show(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                @RequestParam(required = false) String before, Model model) {
        model.addAttribute("view", service.open(viewer, id));
        Page<MessageView> page = service.messages(viewer, id, before, PAGE);
        List<MessageView> oldestFirst = new ArrayList<>(page.items());
        Collections.reverse(oldestFirst);
        model.addAttribute("messages", oldestFirst);
        model.addAttribute("olderCursor", page.nextCursor());
        model.addAttribute("paged", before != null);
        if (!model.containsAttribute("body")) {
            model.addAttribute("body", "");
        }
        if (!model.containsAttribute("people")) {
            model.addAttribute("people", "");
        }
        return "messaging/show";
    }

    /** Messages after the given one as list items: "load newer" and live updates (messages.js) use it. */
    @GetMapping("/messages/{id:\\d+}/since/{messageId:\\d+}")
    String since(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @PathVariable long messageId,
                 Model model) {
        model.addAttribute("messages", service.since(viewer, id, messageId));
        return "messaging/since";
    }

    @PostMapping("/messages/{id:\\d+}")
    String send(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                @RequestParam(required = false) String body, Model model, HttpServletRequest request,
                HttpServletResponse response) {
        try {
            var sent = service.send(viewer, id, body, null);
            return "redirect:/messages/" + id + "#m-" + sent.message().message().id();
        } catch (DomainException.Invalid e) {
            response.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, request));
            model.addAttribute("body", body == null ? "" : body);
            return show(viewer, id, null, model);
        }
    }

    @PostMapping("/messages/{id:\\d+}/participants")
    String add(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
               @RequestParam(required = false) String people, Model model, RedirectAttributes redirect,
               HttpServletRequest request, HttpServletResponse response) {
        try {
            service.addByEmails(viewer, id, people);
            redirect.addFlashAttribute("flash", "messaging.flash.added");
            return "redirect:/messages/" + id;
        } catch (DomainException.Invalid e) {
            response.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, request));
            model.addAttribute("people", people == null ? "" : people);
            return show(viewer, id, null, model);
        }
    }

    @PostMapping("/messages/{id:\\d+}/leave")
    String leave(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, RedirectAttributes redirect) {
        service.leave(viewer, id);
        redirect.addFlashAttribute("flash", "messaging.flash.left");
        return "redirect:/messages";
    }

    @ExceptionHandler(RateLimited.class)
    String rateLimited(RateLimited e, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(429);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
        model.addAllAttributes(Map.of("status", 429, "detail", messages.getMessage("messaging.rateLimited",
                new Object[] {e.retryAfterSeconds()}, locales.resolveLocale(request))));
        return "error";
    }
}
