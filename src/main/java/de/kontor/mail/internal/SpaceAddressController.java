package de.kontor.mail.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.KontorUser;

/** The space's post-by-email page: members see the address, administrators create or replace it. */
@Controller
class SpaceAddressController {

    private final SpaceAddresses addresses;

    SpaceAddressController(SpaceAddresses addresses) {
        this.addresses = addresses;
    }

    @GetMapping("/spaces/{id}/email")
    String show(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        model.addAttribute("address", addresses.show(viewer, id));
        return "mail/space";
    }

    @PostMapping("/spaces/{id}/email")
    String regenerate(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                      RedirectAttributes redirect) {
        addresses.regenerate(viewer, id);
        redirect.addFlashAttribute("flash", "mail.space.regenerated");
        return "redirect:/spaces/" + id + "/email";
    }
}
