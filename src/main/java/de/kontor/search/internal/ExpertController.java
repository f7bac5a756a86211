package de.kontor.search.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;

/** The expert finder: {@code /people/experts} (members and admins, like the directory) and its API. */
@Controller
@Tag(name = "Experts", description = "Who knows about a topic, with the reasons")
class ExpertController {

    static final int LIMIT = 20;

    record ReasonJson(String type, String skill, int count, int tagged) {
    }

    record ExpertJson(String id, String displayName, String jobTitle, double score, List<ReasonJson> reasons) {
        static ExpertJson of(ExpertFinder.Expert e) {
            return new ExpertJson(Long.toString(e.person().id()), e.person().displayName(), e.person().jobTitle(),
                    e.score(), e.reasons().stream()
                    .map(r -> new ReasonJson(r.type(), r.label(), r.count(), r.tagged())).toList());
        }
    }

    record ExpertsJson(String topic, List<ExpertJson> items) {
    }

    private final ExpertFinder finder;
    private final FormErrors formErrors;

    ExpertController(ExpertFinder finder, FormErrors formErrors) {
        this.finder = finder;
        this.formErrors = formErrors;
    }

    @GetMapping("/people/experts")
    String page(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String q, Model model,
                HttpServletRequest request, HttpServletResponse response) {
        List<ExpertFinder.Expert> experts = null;
        if (q != null && !q.isBlank()) {
            try {
                experts = finder.find(viewer, q, LIMIT);
            } catch (DomainException.Invalid e) {
                response.setStatus(422);
                model.addAttribute("fieldErrors", formErrors.messages(e, request));
            }
        }
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("experts", experts);
        return "search/experts";
    }

    @GetMapping("/api/v1/experts")
    @ResponseBody
    @Operation(summary = "Who knows about a topic", description = """
            Up to 20 people ranked by declared skills (with endorsements) and by what they wrote about the topic
            that the caller may read: accepted answers, blog articles, wiki pages, posts, questions. Each reason says
            what counted: type "skill" with the skill and its endorsement count, or a content type with the number of
            documents and how many carry the topic as a tag. People who opted out are never listed. 403 for guests,
            422 for an empty topic or one over 100 characters.""")
    ExpertsJson api(@AuthenticationPrincipal KontorUser viewer,
                    @Parameter(description = "the topic, e.g. SAP") @RequestParam(required = false) String q) {
        return new ExpertsJson(q == null ? "" : q.strip(),
                finder.find(viewer, q, LIMIT).stream().map(ExpertJson::of).toList());
    }
}
