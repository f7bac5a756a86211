package de.kontor.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import de.kontor.files.StoredFile;
import de.kontor.identity.KontorUser;
import de.kontor.shared.DomainException;
import de.kontor.shared.web.ApiPaging;

/** {@code /api/v1/spaces/{id}/files} and {@code /api/v1/files/{id}}: the same files with the same rules as the pages. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Files", description = "Files of a space: folders, uploads, versions, downloads and previews")
class FilesApiController {

    record FileJson(String id, String spaceId, String folderId, String name, String contentType, long size,
                    int version, String uploadedBy, String createdAt, String updatedAt, String contentUrl,
                    String previewUrl) {
        static FileJson of(StoredFileRow f) {
            return new FileJson(str(f.id()), str(f.spaceId()), str(f.folderId()), f.name(), f.contentType(),
                    f.size(), f.version(), str(f.uploadedBy()), f.createdAt().toString(), f.updatedAt().toString(),
                    "/api/v1/files/" + f.id() + "/content",
                    f.previewable() ? "/api/v1/files/" + f.id() + "/preview" : null);
        }
    }

    record VersionJson(int number, String contentType, long size, String sha256, String uploadedBy,
                       Integer restoredFrom, String createdAt, String contentUrl) {
        static VersionJson of(FileVersion v) {
            return new VersionJson(v.number(), v.contentType(), v.size(), v.sha256(), str(v.uploadedBy()),
                    v.restoredFrom(), v.createdAt().toString(),
                    "/api/v1/files/" + v.fileId() + "/versions/" + v.number() + "/content");
        }
    }

    record FolderJson(String id, String spaceId, String parentId, String name, String createdAt) {
        static FolderJson of(Folder f) {
            return new FolderJson(str(f.id()), str(f.spaceId()), str(f.parentId()), f.name(),
                    f.createdAt().toString());
        }
    }

    record ListJson<T>(List<T> items, String nextCursor) {
    }

    record FolderChange(String name, String parentId) {
    }

    record FileChange(String name, String folderId) {
    }

    private final FileService files;

    FilesApiController(FileService files) {
        this.files = files;
    }

    @GetMapping("/spaces/{spaceId}/files")
    @Operation(summary = "The files of a folder (top level without folderId), by name (cursor-paginated)")
    ResponseEntity<ListJson<FileJson>> list(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                            @RequestParam(required = false) Long folderId,
                                            @RequestParam(required = false) Integer limit,
                                            @RequestParam(required = false) String cursor) {
        var listing = files.list(viewer, spaceId, folderId, cursor, limit);
        return ApiPaging.ok(listing.files().nextCursor()).body(new ListJson<>(listing.files().items().stream()
                .map(FileJson::of).toList(), listing.files().nextCursor()));
    }

    @PostMapping(value = "/spaces/{spaceId}/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a file (multipart field 'file', optional folderId); a file of the same name in the "
            + "folder gets a new version. 413 above kontor.files.max-file-size or when the space is full "
            + "(kontor.files.max-space-size), 422 for an empty file; the type is detected with Apache Tika")
    ResponseEntity<FileJson> upload(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                    @RequestParam(required = false) String folderId,
                                    @RequestParam(required = false) MultipartFile file) throws IOException {
        StoredFile stored;
        try (InputStream in = required(file)) {
            stored = files.upload(viewer, spaceId, id(folderId), file.getOriginalFilename(), in);
        }
        FileJson json = FileJson.of(files.readable(viewer, stored.id()));
        return ResponseEntity.created(URI.create("/api/v1/files/" + stored.id())).body(json);
    }

    @GetMapping("/spaces/{spaceId}/folders")
    @Operation(summary = "The folders in a folder (top level without parentId), by name")
    ListJson<FolderJson> folders(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                 @RequestParam(required = false) Long parentId) {
        return new ListJson<>(files.folders(viewer, spaceId, parentId).stream().map(FolderJson::of).toList(), null);
    }

    @PostMapping("/spaces/{spaceId}/folders")
    @Operation(summary = "Create a folder (members of the space); 409 if the name is taken in the parent folder")
    ResponseEntity<FolderJson> createFolder(@AuthenticationPrincipal KontorUser viewer, @PathVariable long spaceId,
                                            @RequestBody FolderChange body) {
        Folder f = files.createFolder(viewer, spaceId, id(body.parentId()), body.name());
        return ResponseEntity.created(URI.create("/api/v1/files/folders/" + f.id())).body(FolderJson.of(f));
    }

    @PatchMapping("/files/folders/{id}")
    @Operation(summary = "Rename and/or move a folder (\"parentId\":\"\" moves it to the top level)")
    FolderJson changeFolder(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                            @RequestBody FolderChange body) {
        return FolderJson.of(files.changeFolder(viewer, id, body.name(),
                body.parentId() == null ? null : Optional.ofNullable(id(body.parentId()))));
    }

    @DeleteMapping("/files/folders/{id}")
    @Operation(summary = "Delete an empty folder; 409 while it holds files or folders")
    ResponseEntity<Void> deleteFolder(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        files.deleteFolder(viewer, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/files/{id:\\d+}")
    @Operation(summary = "A file with its current version")
    FileJson get(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return FileJson.of(files.readable(viewer, id));
    }

    @PatchMapping("/files/{id:\\d+}")
    @Operation(summary = "Rename and/or move a file (\"folderId\":\"\" moves it to the top level)")
    FileJson change(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @RequestBody FileChange body) {
        return FileJson.of(files.changeFile(viewer, id, body.name(),
                body.folderId() == null ? null : Optional.ofNullable(id(body.folderId()))));
    }

    @DeleteMapping("/files/{id:\\d+}")
    @Operation(summary = "Delete a file with all versions (the person who uploaded it, or a moderator)")
    ResponseEntity<Void> delete(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        files.delete(viewer, id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/files/{id:\\d+}/content")
    @Operation(summary = "Download the current version (images and PDFs inline, everything else as attachment)")
    void content(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, HttpServletResponse res)
            throws IOException {
        StoredFileRow f = files.readable(viewer, id);
        FileResponses.send(res, files, files.version(viewer, id, null), f.name(), false);
    }

    @GetMapping("/files/{id:\\d+}/preview")
    @Operation(summary = "A preview: the image itself, or page 1 of a PDF as PNG; 404 for other types")
    void preview(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, HttpServletResponse res)
            throws IOException {
        sendPreview(files, viewer, id, res);
    }

    @GetMapping("/files/{id:\\d+}/versions")
    @Operation(summary = "Every version of a file, newest first")
    ListJson<VersionJson> versions(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id) {
        return new ListJson<>(files.versions(viewer, id).stream().map(VersionJson::of).toList(), null);
    }

    @PostMapping(value = "/files/{id:\\d+}/versions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload a new version (multipart field 'file'); same limits as an upload")
    ResponseEntity<VersionJson> newVersion(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                           @RequestParam(required = false) MultipartFile file) throws IOException {
        StoredFile stored;
        try (InputStream in = required(file)) {
            stored = files.newVersion(viewer, id, in);
        }
        return versionCreated(viewer, id, stored.version());
    }

    @PostMapping("/files/{id:\\d+}/versions/{number}/restore")
    @Operation(summary = "Restore an older version: it is copied as a new, current version")
    ResponseEntity<VersionJson> restore(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id,
                                        @PathVariable int number) {
        return versionCreated(viewer, id, files.restore(viewer, id, number).version());
    }

    @GetMapping("/files/{id:\\d+}/versions/{number}/content")
    @Operation(summary = "Download one version (always as attachment)")
    void versionContent(@AuthenticationPrincipal KontorUser viewer, @PathVariable long id, @PathVariable int number,
                        HttpServletResponse res) throws IOException {
        StoredFileRow f = files.readable(viewer, id);
        FileResponses.send(res, files, files.version(viewer, id, number), f.name(), true);
    }

    private ResponseEntity<VersionJson> versionCreated(KontorUser viewer, long id, int number) {
        FileVersion v = files.version(viewer, id, number);
        return ResponseEntity.created(URI.create("/api/v1/files/" + id + "/versions/" + number))
                .body(VersionJson.of(v));
    }

    static void sendPreview(FileService files, KontorUser viewer, long id, HttpServletResponse res)
            throws IOException {
        StoredFileRow f = files.readable(viewer, id);
        FileService.Preview p = files.preview(viewer, id).orElseThrow(DomainException.NotFound::new);
        if (p.image() != null) {
            FileResponses.send(res, files, p.image(), f.name(), false);
        } else {
            FileResponses.sendBytes(res, p.contentType(), p.png(), f.name() + ".png");
        }
    }

    private static InputStream required(MultipartFile file) throws IOException {
        if (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()) {
            throw new DomainException.Invalid("file", "files.error.choose");
        }
        return file.getInputStream();
    }

    /** An id from a form or JSON field: null for empty, 422 when it is no number. */
    static Long id(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid("folderId", "files.error.folder");
        }
    }

    private static String str(Long id) {
        return id == null ? null : id.toString();
    }
}
