package de.kontor.monitoring.internal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.KontorUser;
import de.kontor.spaces.SpaceDirectory;

/** {@code /admin/monitoring}: an administrator chooses the space whose members form the monitoring team. */
@Controller
class TeamAdminController {

    private final MonitoringTeam team;
    private final SpaceDirectory spaces;

    TeamAdminController(MonitoringTeam team, SpaceDirectory spaces) {
        this.team = team;
        this.spaces = spaces;
    }

    @GetMapping("/admin/monitoring")
    String form(@AuthenticationPrincipal KontorUser viewer, Model model) {
        model.addAttribute("spaces", spaces.texts(0, 1000).stream()
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name())).toList());
        model.addAttribute("teamSpaceId", team.spaceId().orElse(null));
        return "monitoring/admin";
    }

    @PostMapping("/admin/monitoring")
    String choose(@AuthenticationPrincipal KontorUser viewer, @RequestParam(required = false) String spaceId,
                  RedirectAttributes redirect) {
        team.choose(viewer, InboxController.number("spaceId", InboxController.blank(spaceId)));
        redirect.addFlashAttribute("flash", "monitoring.flash.teamSaved");
        return "redirect:/admin/monitoring";
    }
}
