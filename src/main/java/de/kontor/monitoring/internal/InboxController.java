package de.kontor.monitoring.internal;

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

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;

/** The inbox page and a mention's page with its actions (assign, answer, close, ignore, reopen, comment, share). */
@Controller
public class InboxController {

    private final InboxService inbox;
    private final TopicService topics;
    private final SourceService sources;
    private final FormErrors formErrors;

    InboxController(InboxService inbox, TopicService topics, SourceService sources, FormErrors formErrors) {
        this.inbox = inbox;
        this.topics = topics;
        this.sources = sources;
        this.formErrors = formErrors;
    }

    @GetMapping("/monitoring")
    String inbox(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String topic,
                 @RequestParam(required = false) String sentiment, @RequestParam(required = false) String source,
                 @RequestParam(required = false) String status, @RequestParam(required = false) String assignee,
                 @RequestParam(required = false) String cursor, Model model) {
        MentionRepository.Filter filter = filter(viewer, topic, sentiment, source, status, assignee);
        model.addAttribute("page", inbox.list(viewer, filter, cursor, 20));
        model.addAttribute("topics", topics.list(viewer));
        model.addAttribute("sources", sources.list(viewer));
        model.addAttribute("team", inbox.teamMembers());
        model.addAttribute("f", new FilterForm(blank(topic), blank(sentiment), blank(source), blank(status),
                blank(assignee)));
        model.addAttribute("cursor", cursor);
        return "monitoring/inbox";
    }

    /** The filter as the form sent it (to keep the selection and build the next-page link). */
    public record FilterForm(String topic, String sentiment, String source, String status, String assignee) {
        public String query() {
            StringBuilder q = new StringBuilder();
            append(q, "topic", topic);
            append(q, "sentiment", sentiment);
            append(q, "source", source);
            append(q, "status", status);
            append(q, "assignee", assignee);
            return q.toString();
        }

        private static void append(StringBuilder q, String name, String value) {
            if (value != null) {
                q.append('&').append(name).append('=')
                        .append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
    }

    static MentionRepository.Filter filter(KontorUser viewer, String topic, String sentiment, String source,
                                           String status, String assignee) {
        Long userId = null;
        Long spaceId = null;
        boolean unassigned = false;
        String a = blank(assignee);
        if (a != null) {
            if (a.equals("me")) {
                userId = viewer.id();
            } else if (a.equals("none")) {
                unassigned = true;
            } else if (a.startsWith("u")) {
                userId = number("assignee", a.substring(1));
            } else if (a.startsWith("s")) {
                spaceId = number("assignee", a.substring(1));
            } else {
                throw new DomainException.Invalid("assignee", "monitoring.filter.invalid");
            }
        }
        return new MentionRepository.Filter(number("topic", blank(topic)),
                parse(Sentiment.Label.class, "sentiment", sentiment), number("source", blank(source)),
                parse(Mention.Status.class, "status", status), userId, spaceId, unassigned);
    }

    @GetMapping("/monitoring/mentions/{id:\\d+}")
    String show(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        return show(viewer, id, model, null);
    }

    private String show(KontorUser viewer, long id, Model model, java.util.Map<String, String> values) {
        model.addAttribute("detail", inbox.get(viewer, id));
        model.addAttribute("team", inbox.teamMembers());
        model.addAttribute("spaces", inbox.writableSpaces(viewer));
        model.addAttribute("values", values == null ? java.util.Map.of() : values);
        return "monitoring/mention";
    }

    @PostMapping("/monitoring/mentions/{id:\\d+}/assign")
    String assign(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                  @RequestParam(required = false) String assignee, Model model, RedirectAttributes redirect,
                  HttpServletRequest req, HttpServletResponse res) {
        return act(viewer, id, model, redirect, req, res, "monitoring.flash.assigned", java.util.Map.of(), () -> {
            String a = assignee == null ? "" : assignee.strip();
            Long user = a.startsWith("u") ? number("assignee", a.substring(1)) : null;
            Long space = a.startsWith("s") ? number("assignee", a.substring(1)) : null;
            inbox.assign(viewer, id, user, space);
        });
    }

    @PostMapping("/monitoring/mentions/{id:\\d+}/answer")
    String answer(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                  @RequestParam(required = false) String text, @RequestParam(required = false) String link,
                  Model model, RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        return act(viewer, id, model, redirect, req, res, "monitoring.flash.answered",
                values("answerText", text, "link", link), () -> inbox.answer(viewer, id, text, link));
    }

    @PostMapping("/monitoring/mentions/{id:\\d+}/close")
    String close(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model,
                 RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        return act(viewer, id, model, redirect, req, res, "monitoring.flash.closed", java.util.Map.of(),
                () -> inbox.close(viewer, id));
    }

    @PostMapping("/monitoring/mentions/{id:\\d+}/ignore")
    String ignore(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                  @RequestParam(required = false) String reason, Model model, RedirectAttributes redirect,
                  HttpServletRequest req, HttpServletResponse res) {
        return act(viewer, id, model, redirect, req, res, "monitoring.flash.ignored", values("reason", reason),
                () -> inbox.ignore(viewer, id, reason));
    }

    @PostMapping("/monitoring/mentions/{id:\\d+}/reopen")
    String reopen(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model,
                  RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        return act(viewer, id, model, redirect, req, res, "monitoring.flash.reopened", java.util.Map.of(),
                () -> inbox.reopen(viewer, id));
    }

    @PostMapping("/monitoring/mentions/{id:\\d+}/comments")
    String comment(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                   @RequestParam(required = false) String text, Model model, RedirectAttributes redirect,
                   HttpServletRequest req, HttpServletResponse res) {
        return act(viewer, id, model, redirect, req, res, "monitoring.flash.commented", values("text", text),
                () -> inbox.comment(viewer, id, text));
    }

    @PostMapping("/monitoring/mentions/{id:\\d+}/share")
    String share(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                 @RequestParam(required = false) String spaceId, @RequestParam(required = false) String note,
                 Model model, RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        return act(viewer, id, model, redirect, req, res, "monitoring.flash.shared", values("note", note), () -> {
            Long space = number("spaceId", blank(spaceId));
            if (space == null) {
                throw new DomainException.Invalid("spaceId", "validation.required");
            }
            inbox.share(viewer, id, space, note);
        });
    }

    /** Runs a mention action: redirect with a flash on success, the page again with field messages (422). */
    private String act(KontorUser viewer, long id, Model model, RedirectAttributes redirect, HttpServletRequest req,
                       HttpServletResponse res, String flash, java.util.Map<String, String> values, Runnable action) {
        try {
            action.run();
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            return show(viewer, id, model, values);
        }
        redirect.addFlashAttribute("flash", flash);
        return "redirect:/monitoring/mentions/" + id;
    }

    private static java.util.Map<String, String> values(String... pairs) {
        java.util.Map<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return out;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Long number(String field, String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid(field, "monitoring.filter.invalid");
        }
    }

    static <E extends Enum<E>> E parse(Class<E> type, String field, String s) {
        if (blank(s) == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException.Invalid(field, "monitoring.filter.invalid");
        }
    }
}
