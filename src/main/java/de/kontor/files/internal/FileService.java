package de.kontor.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import de.kontor.files.FileChanged;
import de.kontor.files.FileDeleted;
import de.kontor.files.FileUploaded;
import de.kontor.files.StoredFile;
import de.kontor.identity.IdentityApi;
import de.kontor.identity.KontorUser;
import de.kontor.identity.UserSummary;
import de.kontor.shared.Cursor;
import de.kontor.shared.DomainException;
import de.kontor.shared.Page;
import de.kontor.spaces.SpaceAccess;
import de.kontor.spaces.SpaceDirectory;
import de.kontor.spaces.SpaceDirectory.SpaceRef;
import de.kontor.spaces.VisibilityPolicy;

/**
 * Folders and files of a space, with the rights of {@link VisibilityPolicy}: the space's readers list, download and
 * preview; its members upload, add versions, restore, rename, move and manage folders; the person who created a
 * file or a moderator deletes it. An archived space answers every change with 409. A file in a space the viewer may
 * not read does not exist for them (404).
 */
@Service
public class FileService {

    static final int NAME_MAX = 200;

    /** One folder of a space as the viewer sees it. */
    public record Listing(SpaceRef space, SpaceAccess access, Folder folder, List<Folder> path, List<Folder> folders,
                          Page<StoredFileRow> files, long usedBytes, long maxBytes) {

        public String usage() {
            return FileTypes.human(usedBytes) + " / " + FileTypes.human(maxBytes);
        }
    }

    /** A file with its versions and what the viewer may do with it. */
    public record FileView(StoredFileRow file, SpaceRef space, List<Folder> path, List<FileVersion> versions,
                           Map<Long, UserSummary> people, List<Folder> folders, boolean canWrite,
                           boolean canDelete) {
    }

    private final FileRepository repo;
    private final FileContent content;
    private final Thumbnails thumbnails;
    private final VisibilityPolicy policy;
    private final SpaceDirectory spaces;
    private final IdentityApi identity;
    private final FilesProperties limits;
    private final ApplicationEventPublisher events;

    FileService(FileRepository repo, FileContent content, Thumbnails thumbnails, VisibilityPolicy policy,
                SpaceDirectory spaces, IdentityApi identity, FilesProperties limits,
                ApplicationEventPublisher events) {
        this.repo = repo;
        this.content = content;
        this.thumbnails = thumbnails;
        this.policy = policy;
        this.spaces = spaces;
        this.identity = identity;
        this.limits = limits;
        this.events = events;
    }

    // reading

    Listing list(KontorUser viewer, long spaceId, Long folderId, String cursor, Integer limit) {
        SpaceAccess access = policy.requireReadable(viewer, spaceId);
        Folder folder = folderId == null ? null : folderIn(spaceId, folderId);
        int n = Cursor.limit(limit);
        Cursor c = Cursor.decode(cursor);
        List<StoredFileRow> rows = repo.files(spaceId, folderId, c == null ? "" : c.key(), c == null ? 0 : c.id(),
                n + 1);
        String next = null;
        if (rows.size() > n) {
            rows = rows.subList(0, n);
            StoredFileRow last = rows.getLast();
            next = new Cursor(last.name().toLowerCase(java.util.Locale.ROOT), last.id()).encode();
        }
        return new Listing(spaces.find(List.of(spaceId)).get(spaceId), access, folder,
                folderId == null ? List.of() : repo.path(folderId), repo.folders(spaceId, folderId),
                new Page<>(List.copyOf(rows), next), repo.usedBytes(spaceId), limits.maxSpaceSize().toBytes());
    }

    List<Folder> folders(KontorUser viewer, long spaceId, Long parentId) {
        policy.requireReadable(viewer, spaceId);
        if (parentId != null) {
            folderIn(spaceId, parentId);
        }
        return repo.folders(spaceId, parentId);
    }

    FileView view(KontorUser viewer, long fileId) {
        StoredFileRow f = readable(viewer, fileId);
        SpaceAccess access = policy.access(viewer, f.spaceId());
        List<FileVersion> versions = repo.versions(fileId);
        Set<Long> people = new HashSet<>();
        versions.forEach(v -> {
            if (v.uploadedBy() != null) {
                people.add(v.uploadedBy());
            }
        });
        if (f.uploadedBy() != null) {
            people.add(f.uploadedBy());
        }
        return new FileView(f, spaces.find(List.of(f.spaceId())).get(f.spaceId()),
                f.folderId() == null ? List.of() : repo.path(f.folderId()), versions, identity.findAll(people),
                repo.allFolders(f.spaceId()), access.write(), mayDelete(viewer, f, access) && !access.archived());
    }

    /** The file if the viewer reads its space; 404 otherwise. */
    StoredFileRow readable(KontorUser viewer, long fileId) {
        StoredFileRow f = repo.file(fileId).orElseThrow(DomainException.NotFound::new);
        if (!policy.canRead(viewer, f.spaceId())) {
            throw new DomainException.NotFound();
        }
        return f;
    }

    List<FileVersion> versions(KontorUser viewer, long fileId) {
        readable(viewer, fileId);
        return repo.versions(fileId);
    }

    /** A version for download: the current one when {@code number} is null. */
    FileVersion version(KontorUser viewer, long fileId, Integer number) {
        StoredFileRow f = readable(viewer, fileId);
        return repo.version(fileId, number == null ? f.version() : number).orElseThrow(DomainException.NotFound::new);
    }

    InputStream open(FileVersion v) {
        return content.open(v.id());
    }

    /** What a preview shows: the image itself, or the PNG thumbnail of a PDF's first page; empty for other types. */
    record Preview(String contentType, byte[] png, FileVersion image) {
    }

    Optional<Preview> preview(KontorUser viewer, long fileId) {
        StoredFileRow f = readable(viewer, fileId);
        if (f.image()) {
            return repo.version(fileId, f.version()).map(v -> new Preview(v.contentType(), null, v));
        }
        return thumbnails.pdf(f).map(png -> new Preview("image/png", png, null));
    }

    // writing

    /**
     * Stores the content as a new file in the folder, or as a new version of the file with the same name there.
     * The space must be writable; the limits apply (413); an empty file is invalid (422).
     */
    @Transactional
    public StoredFile upload(KontorUser viewer, long spaceId, Long folderId, String filename, InputStream in) {
        policy.requireWritable(viewer, spaceId);
        if (folderId != null) {
            folderIn(spaceId, folderId);
        }
        String name = name(filename, "file");
        Optional<Long> existing = repo.fileByName(spaceId, folderId, name);
        long fileId;
        if (existing.isPresent()) {
            fileId = existing.get();
            repo.lockFile(fileId);
        } else {
            if (repo.nameTaken(spaceId, folderId, name, null, null)) {
                throw new DomainException.Conflict("file", "files.error.nameTaken", name);
            }
            fileId = repo.insertFile(spaceId, folderId, name, viewer.id());
        }
        return store(viewer, spaceId, fileId, name, in);
    }

    /** A new version of an existing file (its name stays; the type is detected from the new bytes). */
    @Transactional
    StoredFile newVersion(KontorUser viewer, long fileId, InputStream in) {
        StoredFileRow f = readable(viewer, fileId);
        policy.requireWritable(viewer, f.spaceId());
        repo.lockFile(fileId);
        return store(viewer, f.spaceId(), fileId, f.name(), in);
    }

    /** Makes an older version current again by copying it as a new version (nothing is lost). */
    @Transactional
    StoredFile restore(KontorUser viewer, long fileId, int number) {
        StoredFileRow f = readable(viewer, fileId);
        policy.requireWritable(viewer, f.spaceId());
        repo.lockFile(fileId);
        FileVersion old = repo.version(fileId, number).orElseThrow(DomainException.NotFound::new);
        requireSpaceRoom(f.spaceId(), old.size());
        int next = repo.nextNumber(fileId);
        long versionId = repo.insertVersion(fileId, next, old.contentType(), old.size(), old.sha256(), viewer.id(),
                old.number());
        repo.copyChunks(old.id(), versionId);
        repo.touchFile(fileId);
        events.publishEvent(new FileUploaded(fileId, versionId, f.spaceId(), viewer.id()));
        return new StoredFile(fileId, f.spaceId(), f.name(), next, old.contentType(), old.size());
    }

    @Transactional
    StoredFileRow changeFile(KontorUser viewer, long fileId, String newName, Optional<Long> newFolder) {
        StoredFileRow f = readable(viewer, fileId);
        policy.requireWritable(viewer, f.spaceId());
        String name = newName == null ? f.name() : name(newName, "name");
        Long folderId = newFolder == null ? f.folderId() : newFolder.orElse(null);
        if (folderId != null) {
            folderIn(f.spaceId(), folderId);
        }
        if (repo.nameTaken(f.spaceId(), folderId, name, null, fileId)) {
            throw new DomainException.Conflict("name", "files.error.nameTaken", name);
        }
        repo.updateFile(fileId, folderId, name);
        events.publishEvent(new FileChanged(fileId, f.spaceId()));
        return repo.file(fileId).orElseThrow();
    }

    @Transactional
    long delete(KontorUser viewer, long fileId) {
        StoredFileRow f = readable(viewer, fileId);
        SpaceAccess access = policy.access(viewer, f.spaceId());
        if (!mayDelete(viewer, f, access)) {
            throw new DomainException.Forbidden("files.error.notUploader");
        }
        if (access.archived()) {
            throw new DomainException.Conflict(null, "space.error.archived");
        }
        repo.deleteFile(fileId);
        events.publishEvent(new FileDeleted(fileId, f.spaceId()));
        return f.spaceId();
    }

    // folders

    @Transactional
    Folder createFolder(KontorUser viewer, long spaceId, Long parentId, String rawName) {
        policy.requireWritable(viewer, spaceId);
        if (parentId != null) {
            folderIn(spaceId, parentId);
        }
        String name = name(rawName, "name");
        if (repo.nameTaken(spaceId, parentId, name, null, null)) {
            throw new DomainException.Conflict("name", "files.error.nameTaken", name);
        }
        return repo.folder(repo.insertFolder(spaceId, parentId, name, viewer.id())).orElseThrow();
    }

    /** Renames and/or moves a folder (not into itself or one of its subfolders). */
    @Transactional
    Folder changeFolder(KontorUser viewer, long folderId, String newName, Optional<Long> newParent) {
        Folder folder = readableFolder(viewer, folderId);
        policy.requireWritable(viewer, folder.spaceId());
        String name = newName == null ? folder.name() : name(newName, "name");
        Long parentId = newParent == null ? folder.parentId() : newParent.orElse(null);
        if (parentId != null) {
            folderIn(folder.spaceId(), parentId);
            if (repo.path(parentId).stream().anyMatch(p -> p.id() == folderId)) {
                throw new DomainException.Invalid("parentId", "files.error.folderCycle");
            }
        }
        if (repo.nameTaken(folder.spaceId(), parentId, name, folderId, null)) {
            throw new DomainException.Conflict("name", "files.error.nameTaken", name);
        }
        repo.updateFolder(folderId, parentId, name);
        return repo.folder(folderId).orElseThrow();
    }

    /** Deletes an empty folder (409 when it still holds files or folders). */
    @Transactional
    Folder deleteFolder(KontorUser viewer, long folderId) {
        Folder folder = readableFolder(viewer, folderId);
        policy.requireWritable(viewer, folder.spaceId());
        if (!repo.folderEmpty(folderId)) {
            throw new DomainException.Conflict(null, "files.error.folderNotEmpty");
        }
        repo.deleteFolder(folderId);
        return folder;
    }

    Folder readableFolder(KontorUser viewer, long folderId) {
        Folder folder = repo.folder(folderId).orElseThrow(DomainException.NotFound::new);
        if (!policy.canRead(viewer, folder.spaceId())) {
            throw new DomainException.NotFound();
        }
        return folder;
    }

    // helpers

    private StoredFile store(KontorUser viewer, long spaceId, long fileId, String name, InputStream in) {
        long maxFile = limits.maxFileSize().toBytes();
        requireSpaceRoom(spaceId, 1);
        byte[] first;
        try {
            first = in.readNBytes(FileContent.CHUNK);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (first.length == 0) {
            throw new DomainException.Invalid("file", "files.error.empty");
        }
        String type = FileTypes.detect(first, name);
        int number = repo.nextNumber(fileId);
        // the size and hash are known only at the end; the row is written first because the chunks reference it
        long versionId = repo.insertVersion(fileId, number, type, first.length, "", viewer.id(), null);
        FileContent.Written written = content.write(versionId, first, in, maxFile);
        repo.finishVersion(versionId, written.size(), written.sha256());
        repo.lockSpaceUsage(spaceId);
        long used = repo.usedBytes(spaceId);
        if (used > limits.maxSpaceSize().toBytes()) {
            throw new DomainException.TooLarge("files.error.spaceFull", FileTypes.human(limits.maxSpaceSize()
                    .toBytes()), FileTypes.human(used - written.size()));
        }
        repo.touchFile(fileId);
        events.publishEvent(new FileUploaded(fileId, versionId, spaceId, viewer.id()));
        return new StoredFile(fileId, spaceId, name, number, type, written.size());
    }

    private void requireSpaceRoom(long spaceId, long bytes) {
        long used = repo.usedBytes(spaceId);
        long max = limits.maxSpaceSize().toBytes();
        if (used + bytes > max) {
            throw new DomainException.TooLarge("files.error.spaceFull", FileTypes.human(max), FileTypes.human(used));
        }
    }

    private static boolean mayDelete(KontorUser viewer, StoredFileRow f, SpaceAccess access) {
        boolean uploader = f.uploadedBy() != null && f.uploadedBy() == viewer.id();
        return access.moderate() || (access.member() && uploader);
    }

    private Folder folderIn(long spaceId, long folderId) {
        return repo.folder(folderId).filter(f -> f.spaceId() == spaceId)
                .orElseThrow(DomainException.NotFound::new);
    }

    /** A file or folder name without any path, control characters or characters that break links. */
    static String name(String raw, String field) {
        String n = raw == null ? "" : raw.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}<>\"]", "").strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            throw new DomainException.Invalid(field, "files.error.name");
        }
        if (n.length() > NAME_MAX) {
            throw new DomainException.Invalid(field, "validation.maxLength", NAME_MAX);
        }
        return n;
    }
}
