package de.kontor.search.internal;

import java.io.IOException;

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

/** The results page, the header box's suggestions and the administrators' index page. */
@Controller
class SearchController {

    static final int PAGE_SIZE = 20;

    private final SearchService search;
    private final IndexApplier applier;
    private final FormErrors formErrors;

    SearchController(SearchService search, IndexApplier applier, FormErrors formErrors) {
        this.search = search;
        this.applier = applier;
        this.formErrors = formErrors;
    }

    /** An empty query shows the empty state (not an error); a query over 500 characters is 422. */
    @GetMapping("/search")
    String search(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String q,
                  @RequestParam(required = false) String type, @RequestParam(required = false) String space,
                  @RequestParam(required = false) String author, @RequestParam(required = false) String tag,
                  @RequestParam(required = false) String period, @RequestParam(defaultValue = "1") int page,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        SearchParams params = new SearchParams(type, space, author, tag, period, Math.max(1, page));
        SearchService.Results results = null;
        if (q != null && !q.isBlank()) {
            try {
                int offset = Math.min((params.page() - 1) * PAGE_SIZE, SearchService.MAX_OFFSET);
                results = search.search(viewer, q, params.filters(applier.types()), offset, PAGE_SIZE);
            } catch (DomainException.Invalid e) {
                response.setStatus(422);
                model.addAttribute("fieldErrors", formErrors.messages(e, request));
            }
        }
        model.addAttribute("view", new SearchView(q == null ? "" : q, params, results,
                viewer.admin() ? applier.status().snapshot() : null));
        return "search/results";
    }

    @GetMapping("/search/suggest")
    String suggest(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String q,
                   Model model) {
        model.addAttribute("q", q == null ? "" : q.strip());
        model.addAttribute("suggestions", search.suggest(viewer, q));
        return "search/suggestions";
    }

    @GetMapping("/admin/search")
    String admin(Model model) throws IOException {
        model.addAttribute("status", applier.status().snapshot());
        model.addAttribute("documents", applier.index().documentCount());
        model.addAttribute("dictionary", applier.index().dictionarySize());
        return "search/admin";
    }

    @PostMapping("/admin/search/rebuild")
    String rebuild(@AuthenticationPrincipal KontorUser viewer, RedirectAttributes redirect) {
        if (!viewer.admin()) {
            throw new DomainException.Forbidden();
        }
        redirect.addFlashAttribute("flash", applier.rebuild(true) ? "search.rebuild.started"
                : "search.rebuild.running");
        return "redirect:/admin/search";
    }
}
