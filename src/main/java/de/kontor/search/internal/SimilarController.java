package de.kontor.search.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;

/**
 * "Similar questions" while someone types a title (an htmx fragment): up to five readable documents of one type that
 * share words with the text. The ask form sends its field as {@code title}; other callers use {@code q}.
 */
@Controller
class SimilarController {

    static final int LIMIT = 5;

    private final SearchService search;
    private final IndexApplier applier;

    SimilarController(SearchService search, IndexApplier applier) {
        this.search = search;
        this.applier = applier;
    }

    @GetMapping("/search/similar")
    String similar(@AuthenticationPrincipal KontorUser viewer, @RequestParam String type,
                   @RequestParam(required = false) String q, @RequestParam(required = false) String title,
                   Model model) {
        if (!applier.types().contains(type)) {
            throw new DomainException.Invalid("type", "search.error.type");
        }
        String text = q != null ? q : title;
        model.addAttribute("type", type);
        model.addAttribute("hits", search.similar(viewer, text, type, LIMIT));
        model.addAttribute("typed", text != null && !text.isBlank());
        return "search/similar";
    }
}
