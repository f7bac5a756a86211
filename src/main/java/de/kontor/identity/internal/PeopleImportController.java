package de.kontor.identity.internal;

import java.io.IOException;
import java.io.InputStream;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;

/** Administration → Import: org units and people from CSV files. */
@Controller
class PeopleImportController {

    private final PeopleImport importer;
    private final FormErrors formErrors;

    PeopleImportController(PeopleImport importer, FormErrors formErrors) {
        this.importer = importer;
        this.formErrors = formErrors;
    }

    @GetMapping("/admin/import")
    String form() {
        return "identity/adminImport";
    }

    @PostMapping("/admin/import")
    String upload(@AuthenticationPrincipal KontorUser admin,
                  @RequestParam(name = "units", required = false) MultipartFile units,
                  @RequestParam(name = "people", required = false) MultipartFile people, Model model,
                  HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            PeopleImport.Result result = importer.run(admin, read(units), read(people),
                    request.getRemoteAddr());
            model.addAttribute("result", result);
        } catch (DomainException e) {
            if (e instanceof DomainException.Forbidden) {
                throw e;
            }
            response.setStatus(e.status());
            model.addAttribute("fieldErrors", formErrors.messages(e, request));
        }
        return "identity/adminImport";
    }

    /** Reads an uploaded file, refusing anything over the import limit before holding it in memory. */
    private static byte[] read(MultipartFile file) throws IOException {
        if (file == null || file.isEmpty()) {
            return null;
        }
        if (file.getSize() > PeopleImport.MAX_BYTES) {
            throw new DomainException.TooLarge("import.tooLarge", PeopleImport.MAX_BYTES / 1024 / 1024);
        }
        try (InputStream in = file.getInputStream()) {
            return in.readAllBytes();
        }
    }
}
