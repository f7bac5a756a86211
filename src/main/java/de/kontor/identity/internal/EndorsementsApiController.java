package de.kontor.identity.internal;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;

@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "People of the company and their profiles")
class EndorsementsApiController {

    record SkillJson(String skill, int endorsements, boolean endorsedByMe, List<String> endorsers) {
    }

    record ExpertFinderJson(boolean hidden) {
    }

    private final Endorsements endorsements;

    EndorsementsApiController(Endorsements endorsements) {
        this.endorsements = endorsements;
    }

    @GetMapping("/{id:\\d+}/skills")
    @Operation(summary = "A person's declared skills with how often colleagues endorsed each (first five names)")
    List<SkillJson> skills(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return endorsements.of(viewer, id).stream()
                .map(s -> new SkillJson(s.skill(), s.count(), s.mine(), s.endorsers())).toList();
    }

    @PutMapping("/{id:\\d+}/skills/{skill}/endorsement")
    @Operation(summary = "Endorse a colleague's declared skill; idempotent (a second call changes nothing). 403 for "
            + "the own profile and for guests, 422 when the person does not list the skill")
    ResponseEntity<Void> endorse(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                 @PathVariable String skill) {
        endorsements.endorse(viewer, id, skill);
        return ResponseEntity.noContent().build();
    }

    @DeleteMapping("/{id:\\d+}/skills/{skill}/endorsement")
    @Operation(summary = "Withdraw the own endorsement of a colleague's skill; idempotent")
    ResponseEntity<Void> withdraw(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                  @PathVariable String skill) {
        endorsements.withdraw(viewer, id, skill);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/me/expert-finder")
    @Operation(summary = "Whether the signed-in person is hidden from the expert finder")
    ExpertFinderJson expertFinder(@AuthenticationPrincipal KontorUser viewer) {
        return new ExpertFinderJson(endorsements.hidden(viewer));
    }

    @PutMapping("/me/expert-finder")
    @Operation(summary = "Hide the signed-in person from the expert finder (or show them again): {\"hidden\":true}")
    ExpertFinderJson setExpertFinder(@AuthenticationPrincipal KontorUser viewer, @RequestBody JsonNode body) {
        JsonNode hidden = body == null ? null : body.get("hidden");
        if (hidden == null || !hidden.isBoolean()) {
            throw new DomainException.Invalid("hidden", "validation.boolean");
        }
        endorsements.setHidden(viewer, hidden.asBoolean());
        return new ExpertFinderJson(hidden.asBoolean());
    }
}
