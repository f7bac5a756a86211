package de.kontor.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.FormErrors;

/** The file pages of a space: folders, uploads (several at once, drag and drop), a file with its versions. */
@Controller
class FileController {

    private final FileService files;
    private final FormErrors formErrors;
    private final MessageSource messages;
    private final LocaleResolver locales;

    FileController(FileService files, FormErrors formErrors, MessageSource messages, LocaleResolver locales) {
        this.files = files;
        this.formErrors = formErrors;
        this.messages = messages;
        this.locales = locales;
    }

    @GetMapping("/spaces/{id:\\d+}/files")
    String list(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                @RequestParam(required = false) Long folder, @RequestParam(required = false) String cursor,
                Model model) {
        return render(viewer, id, folder, cursor, model);
    }

    private String render(KontorUser viewer, long id, Long folder, String cursor, Model model) {
        model.addAttribute("listing", files.list(viewer, id, folder, cursor, 50));
        model.addAttribute("cursor", cursor);
        return "files/list";
    }

    /** Uploads every chosen file into the folder; the first refused one stops the rest with its reason. */
    @PostMapping("/spaces/{id:\\d+}/files")
    String upload(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                  @RequestParam(required = false) Long folderId,
                  @RequestParam(name = "file", required = false) List<MultipartFile> uploads, Model model,
                  RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) throws IOException {
        try {
            List<MultipartFile> chosen = uploads == null ? List.of()
                    : uploads.stream().filter(f -> f.getOriginalFilename() != null
                    && !f.getOriginalFilename().isBlank()).toList();
            if (chosen.isEmpty()) {
                throw new DomainException.Invalid("file", "files.error.choose");
            }
            for (MultipartFile f : chosen) {
                try (InputStream in = f.getInputStream()) {
                    files.upload(viewer, id, folderId, f.getOriginalFilename(), in);
                }
            }
            redirect.addFlashAttribute("flash", "files.flash.uploaded");
            return "redirect:/spaces/" + id + "/files" + (folderId == null ? "" : "?folder=" + folderId);
        } catch (DomainException.Invalid | DomainException.TooLarge | DomainException.Conflict e) {
            if (e instanceof DomainException.Conflict c && c.field() == null) {
                throw e;
            }
            fieldError(e, "file", model, req, res);
            return render(viewer, id, folderId, null, model);
        }
    }

    @PostMapping("/spaces/{id:\\d+}/folders")
    String createFolder(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                        @RequestParam(required = false) Long parentId, @RequestParam(required = false) String name,
                        Model model, RedirectAttributes redirect, HttpServletRequest req, HttpServletResponse res) {
        try {
            Folder f = files.createFolder(viewer, id, parentId, name);
            redirect.addFlashAttribute("flash", "files.flash.folderCreated");
            return "redirect:/spaces/" + id + "/files?folder=" + f.id();
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            fieldError(e, "name", model, req, res);
            return render(viewer, id, parentId, null, model);
        }
    }

    @PostMapping("/files/folders/{id:\\d+}/rename")
    String renameFolder(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                        @RequestParam(required = false) String name, RedirectAttributes redirect) {
        Folder f = files.changeFolder(viewer, id, name == null ? "" : name, null);
        redirect.addFlashAttribute("flash", "files.flash.renamed");
        return "redirect:/spaces/" + f.spaceId() + "/files?folder=" + f.id();
    }

    @PostMapping("/files/folders/{id:\\d+}/move")
    String moveFolder(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                      @RequestParam(required = false) String parentId, RedirectAttributes redirect) {
        Folder f = files.changeFolder(viewer, id, null, Optional.ofNullable(FilesApiController.id(parentId)));
        redirect.addFlashAttribute("flash", "files.flash.moved");
        return "redirect:/spaces/" + f.spaceId() + "/files?folder=" + f.id();
    }

    @PostMapping("/files/folders/{id:\\d+}/delete")
    String deleteFolder(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                        RedirectAttributes redirect) {
        Folder f = files.deleteFolder(viewer, id);
        redirect.addFlashAttribute("flash", "files.flash.folderDeleted");
        return "redirect:/spaces/" + f.spaceId() + "/files" + (f.parentId() == null ? "" : "?folder=" + f.parentId());
    }

    @GetMapping("/files/{id:\\d+}")
    String show(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, Model model) {
        model.addAttribute("view", files.view(viewer, id));
        return "files/show";
    }

    @PostMapping("/files/{id:\\d+}/versions")
    String newVersion(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                      @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect,
                      HttpServletRequest req, HttpServletResponse res) throws IOException {
        try {
            if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
                throw new DomainException.Invalid("file", "files.error.choose");
            }
            try (InputStream in = file.getInputStream()) {
                files.newVersion(viewer, id, in);
            }
            redirect.addFlashAttribute("flash", "files.flash.versionUploaded");
            return "redirect:/files/" + id;
        } catch (DomainException.Invalid | DomainException.TooLarge e) {
            fieldError(e, "file", model, req, res);
            return show(viewer, id, model);
        }
    }

    @PostMapping("/files/{id:\\d+}/versions/{number:\\d+}/restore")
    String restore(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @PathVariable int number,
                   RedirectAttributes redirect) {
        files.restore(viewer, id, number);
        redirect.addFlashAttribute("flash", "files.flash.restored");
        return "redirect:/files/" + id;
    }

    @PostMapping("/files/{id:\\d+}/rename")
    String rename(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                  @RequestParam(required = false) String name, Model model, RedirectAttributes redirect,
                  HttpServletRequest req, HttpServletResponse res) {
        try {
            files.changeFile(viewer, id, name == null ? "" : name, null);
            redirect.addFlashAttribute("flash", "files.flash.renamed");
            return "redirect:/files/" + id;
        } catch (DomainException.Invalid | DomainException.Conflict e) {
            fieldError(e, "name", model, req, res);
            return show(viewer, id, model);
        }
    }

    @PostMapping("/files/{id:\\d+}/move")
    String move(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                @RequestParam(required = false) String folderId, Model model, RedirectAttributes redirect,
                HttpServletRequest req, HttpServletResponse res) {
        try {
            files.changeFile(viewer, id, null, Optional.ofNullable(FilesApiController.id(folderId)));
            redirect.addFlashAttribute("flash", "files.flash.moved");
            return "redirect:/files/" + id;
        } catch (DomainException.Conflict e) {
            fieldError(e, "folderId", model, req, res);
            return show(viewer, id, model);
        }
    }

    @PostMapping("/files/{id:\\d+}/delete")
    String delete(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, RedirectAttributes redirect) {
        long spaceId = files.delete(viewer, id);
        redirect.addFlashAttribute("flash", "files.flash.deleted");
        return "redirect:/spaces/" + spaceId + "/files";
    }

    @GetMapping("/files/{id:\\d+}/download")
    void download(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                  @RequestParam(required = false) Integer version, HttpServletResponse res) throws IOException {
        StoredFileRow f = files.readable(viewer, id);
        FileResponses.send(res, files, files.version(viewer, id, version), f.name(), true);
    }

    /** Opens an image or PDF in the browser (other types download). */
    @GetMapping("/files/{id:\\d+}/view")
    void open(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, HttpServletResponse res)
            throws IOException {
        StoredFileRow f = files.readable(viewer, id);
        FileResponses.send(res, files, files.version(viewer, id, null), f.name(), false);
    }

    @GetMapping("/files/{id:\\d+}/preview")
    void preview(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, HttpServletResponse res)
            throws IOException {
        FilesApiController.sendPreview(files, viewer, id, res);
    }

    private void fieldError(DomainException e, String field, Model model, HttpServletRequest req,
                            HttpServletResponse res) {
        res.setStatus(e.status());
        Map<String, String> errors = new LinkedHashMap<>(formErrors.messages(e, req));
        if (errors.containsKey("_form") || errors.containsKey(null)) {
            String text = errors.containsKey("_form") ? errors.remove("_form") : errors.remove(null);
            errors.put(field, text);
        }
        if (e instanceof DomainException.TooLarge) {
            errors.put(field, messages.getMessage(e.messageKey(), e.args(), e.messageKey(),
                    locales.resolveLocale(req)));
        }
        model.addAttribute("fieldErrors", errors);
    }
}
