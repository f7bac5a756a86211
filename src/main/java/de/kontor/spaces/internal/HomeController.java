package de.kontor.spaces.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import de.kontor.identity.KontorUser;

/** The start page: my spaces, what waits for me (invitations, join requests) and spaces to discover. */
@Controller
class HomeController {

    private final SpaceService service;

    HomeController(SpaceService service) {
        this.service = service;
    }

    @GetMapping("/spaces/mine")
    String home(@AuthenticationPrincipal KontorUser viewer, Model model) {
        model.addAttribute("home", service.home(viewer));
        return "spaces/home";
    }
}
