package de.kontor.identity.internal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.kontor.identity.CurrentUser;

@Controller
class LoginController {

    @GetMapping("/login")
    String login(@RequestParam(required = false) String error, @RequestParam(required = false) String disabled,
                 @RequestParam(required = false) String logout, Model model) {
        if (CurrentUser.get().isPresent()) {
            return "redirect:/";
        }
        if (error != null) {
            model.addAttribute("error", "login.failed");
        } else if (disabled != null) {
            model.addAttribute("error", "login.disabled");
        } else if (logout != null) {
            model.addAttribute("flash", "login.loggedOut");
        }
        return "identity/login";
    }
}
