package de.kontor.monitoring.internal;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;

/** Sources and topics of the monitoring team: lists, forms, a source's state, a topic's dashboard. */
@Controller
class MonitoringSetupController {

    private final SourceService sources;
    private final TopicService topics;
    private final Dashboard dashboard;
    private final FormErrors formErrors;
    private final de.kontor.shared.KontorProperties kontor;

    MonitoringSetupController(SourceService sources, TopicService topics, Dashboard dashboard, FormErrors formErrors,
                    de.kontor.shared.KontorProperties kontor) {
        this.sources = sources;
        this.topics = topics;
        this.dashboard = dashboard;
        this.formErrors = formErrors;
        this.kontor = kontor;
    }

    @GetMapping("/monitoring/sources")
    String sources(@AuthenticationPrincipal KontorUser viewer, Model model) {
        model.addAttribute("sources", sources.list(viewer));
        model.addAttribute("form", SourceService.SourceForm.empty());
        return "monitoring/sources";
    }

    @PostMapping("/monitoring/sources")
    String createSource(@AuthenticationPrincipal KontorUser viewer, SourceService.SourceForm form, Model model,
                        RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        try {
            Source s = sources.create(viewer, form);
            redirect.addFlashAttribute("flash", "monitoring.flash.sourceCreated");
            return "redirect:/monitoring/sources/" + s.id();
        } catch (DomainException.Invalid e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            model.addAttribute("sources", sources.list(viewer));
            model.addAttribute("form", form);
            return "monitoring/sources";
        }
    }

    @GetMapping("/monitoring/sources/{id:\\d+}")
    String source(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        Source s = sources.get(viewer, id);
        model.addAttribute("source", s);
        model.addAttribute("hookUrl", kontor.baseUrl() + "/hooks/monitoring/" + s.key());
        return "monitoring/source";
    }

    @PostMapping("/monitoring/sources/{id:\\d+}/enable")
    String enable(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, RedirectAttributes redirect) {
        sources.setEnabled(viewer, id, true);
        redirect.addFlashAttribute("flash", "monitoring.flash.sourceEnabled");
        return "redirect:/monitoring/sources/" + id;
    }

    @PostMapping("/monitoring/sources/{id:\\d+}/disable")
    String disable(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, RedirectAttributes redirect) {
        sources.setEnabled(viewer, id, false);
        redirect.addFlashAttribute("flash", "monitoring.flash.sourceDisabled");
        return "redirect:/monitoring/sources/" + id;
    }

    @PostMapping("/monitoring/sources/{id:\\d+}/delete")
    String deleteSource(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                        RedirectAttributes redirect) {
        sources.delete(viewer, id);
        redirect.addFlashAttribute("flash", "monitoring.flash.sourceDeleted");
        return "redirect:/monitoring/sources";
    }

    @GetMapping("/monitoring/topics")
    String topics(@AuthenticationPrincipal KontorUser viewer, Model model) {
        model.addAttribute("topics", topics.list(viewer));
        model.addAttribute("form", TopicService.TopicForm.empty());
        model.addAttribute("editing", null);
        return "monitoring/topics";
    }

    @PostMapping("/monitoring/topics")
    String createTopic(@AuthenticationPrincipal KontorUser viewer, TopicService.TopicForm form, Model model,
                       RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        try {
            Topic t = topics.create(viewer, form);
            redirect.addFlashAttribute("flash", "monitoring.flash.topicCreated");
            return "redirect:/monitoring/topics/" + t.id();
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            model.addAttribute("topics", topics.list(viewer));
            model.addAttribute("form", form);
            model.addAttribute("editing", null);
            return "monitoring/topics";
        }
    }

    @GetMapping("/monitoring/topics/{id:\\d+}")
    String topic(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        return topicPage(viewer, id, TopicService.TopicForm.of(topics.get(viewer, id)), model);
    }

    private String topicPage(KontorUser viewer, long id, TopicService.TopicForm form, Model model) {
        Topic t = topics.get(viewer, id);
        Dashboard.Figures f = dashboard.figures(id);
        model.addAttribute("topic", t);
        model.addAttribute("following", topics.follows(viewer, id));
        model.addAttribute("figures", f);
        model.addAttribute("form", form);
        return "monitoring/topic";
    }

    @PostMapping("/monitoring/topics/{id:\\d+}")
    String updateTopic(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                       TopicService.TopicForm form, Model model, RedirectAttributes redirect,
                       HttpServletRequest req, HttpServletResponse res) {
        try {
            topics.update(viewer, id, form);
            redirect.addFlashAttribute("flash", "monitoring.flash.topicSaved");
            return "redirect:/monitoring/topics/" + id;
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            res.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, req));
            return topicPage(viewer, id, form, model);
        }
    }

    @PostMapping("/monitoring/topics/{id:\\d+}/follow")
    String follow(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, RedirectAttributes redirect) {
        topics.follow(viewer, id, true);
        redirect.addFlashAttribute("flash", "monitoring.flash.followed");
        return "redirect:/monitoring/topics/" + id;
    }

    @PostMapping("/monitoring/topics/{id:\\d+}/unfollow")
    String unfollow(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, RedirectAttributes redirect) {
        topics.follow(viewer, id, false);
        redirect.addFlashAttribute("flash", "monitoring.flash.unfollowed");
        return "redirect:/monitoring/topics/" + id;
    }

    @PostMapping("/monitoring/topics/{id:\\d+}/delete")
    String deleteTopic(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                       RedirectAttributes redirect) {
        topics.delete(viewer, id);
        redirect.addFlashAttribute("flash", "monitoring.flash.topicDeleted");
        return "redirect:/monitoring/topics";
    }

    /** The dashboard's numbers per day as CSV (the charts' data). */
    @GetMapping("/monitoring/topics/{id:\\d+}/figures.csv")
    @ResponseBody
    ResponseEntity<byte[]> csv(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        topics.get(viewer, id);
        StringBuilder csv = new StringBuilder("date,total,positive,neutral,negative\n");
        for (Dashboard.Day d : dashboard.figures(id).days()) {
            csv.append(d.date()).append(',').append(d.total()).append(',').append(d.positive()).append(',')
                    .append(d.neutral()).append(',').append(d.negative()).append('\n');
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header("Content-Disposition", "attachment; filename=\"topic-" + id + ".csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
