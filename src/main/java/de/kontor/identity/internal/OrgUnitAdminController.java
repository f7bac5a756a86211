package de.kontor.identity.internal;

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

/** Administration → Org units: the tree with people counts; create, rename, move and delete units. */
@Controller
class OrgUnitAdminController {

    private final OrgUnits units;
    private final FormErrors formErrors;

    OrgUnitAdminController(OrgUnits units, FormErrors formErrors) {
        this.units = units;
        this.formErrors = formErrors;
    }

    @GetMapping("/admin/units")
    String tree(Model model) {
        model.addAttribute("form", Map.of());
        return list(model);
    }

    @PostMapping("/admin/units")
    String create(@AuthenticationPrincipal KontorUser admin, @RequestParam Map<String, String> form, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            units.create(admin, form.get("name"), form.get("parentId"), request.getRemoteAddr());
        } catch (DomainException e) {
            fail(e, model, request, response);
            model.addAttribute("form", new HashMap<>(form));
            return list(model);
        }
        redirect.addFlashAttribute("flash", "units.created");
        return "redirect:/admin/units";
    }

    @GetMapping("/admin/units/{id:\\d+}")
    String edit(@PathVariable long id, Model model) {
        model.addAttribute("form", Map.of());
        return editPage(id, model);
    }

    @PostMapping("/admin/units/{id:\\d+}/rename")
    String rename(@AuthenticationPrincipal KontorUser admin, @PathVariable long id, @RequestParam(required = false)
                  String name, Model model, HttpServletRequest request, HttpServletResponse response,
                  RedirectAttributes redirect) {
        try {
            units.rename(admin, id, name, request.getRemoteAddr());
        } catch (DomainException e) {
            return failEdit(e, id, Map.of("name", name == null ? "" : name), model, request, response);
        }
        redirect.addFlashAttribute("flash", "units.renamed");
        return "redirect:/admin/units";
    }

    @PostMapping("/admin/units/{id:\\d+}/move")
    String move(@AuthenticationPrincipal KontorUser admin, @PathVariable long id,
                @RequestParam(required = false) String parentId, Model model, HttpServletRequest request,
                HttpServletResponse response, RedirectAttributes redirect) {
        try {
            units.move(admin, id, parentId, request.getRemoteAddr());
        } catch (DomainException e) {
            return failEdit(e, id, Map.of("parentId", parentId == null ? "" : parentId), model, request, response);
        }
        redirect.addFlashAttribute("flash", "units.moved");
        return "redirect:/admin/units";
    }

    @PostMapping("/admin/units/{id:\\d+}/delete")
    String delete(@AuthenticationPrincipal KontorUser admin, @PathVariable long id, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            units.delete(admin, id, request.getRemoteAddr());
        } catch (DomainException e) {
            return failEdit(e, id, Map.of(), model, request, response);
        }
        redirect.addFlashAttribute("flash", "units.deleted");
        return "redirect:/admin/units";
    }

    private String list(Model model) {
        model.addAttribute("units", units.tree());
        return "identity/adminUnits";
    }

    private String editPage(long id, Model model) {
        model.addAttribute("unit", units.find(id).orElseThrow(DomainException.NotFound::new));
        model.addAttribute("units", units.tree());
        return "identity/adminUnit";
    }

    private String failEdit(DomainException e, long id, Map<String, String> form, Model model,
                            HttpServletRequest request, HttpServletResponse response) {
        if (e instanceof DomainException.NotFound) {
            throw e;
        }
        fail(e, model, request, response);
        model.addAttribute("form", form);
        return editPage(id, model);
    }

    private void fail(DomainException e, Model model, HttpServletRequest request, HttpServletResponse response) {
        if (e instanceof DomainException.NotFound || e instanceof DomainException.Forbidden) {
            throw e;
        }
        response.setStatus(e.status());
        model.addAttribute("fieldErrors", formErrors.messages(e, request));
    }
}
