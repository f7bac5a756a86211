package de.kontor.files.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for folders, files, versions, their chunks, thumbnails and extracted text. */
@Repository
public class FileRepository {

    /** A file with its current (highest) version. */
    private static final String FILE_SELECT = """
            select f.id, f.space_id, f.folder_id, f.name, f.uploaded_by, f.created_at, f.updated_at,
                   v.id as version_id, v.number, v.content_type, v.size, v.uploaded_by as version_by,
                   v.created_at as version_at
            from files f
            join lateral (select * from file_versions x where x.file_id = f.id order by x.number desc limit 1) v on true
            """;

    private static final String VERSION_COLUMNS = "id, file_id, number, content_type, size, sha256, uploaded_by, "
            + "restored_from, created_at";

    /** What the search index needs of a file. */
    public record IndexRow(long fileId, long spaceId, Long uploaderId, String name, long versionId,
                           String contentType, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    FileRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // folders

    long insertFolder(long spaceId, Long parentId, String name, long userId) {
        return jdbc.sql("""
                        insert into file_folders (space_id, parent_id, name, created_by)
                        values (:s, :p, :n, :u) returning id""")
                .param("s", spaceId).param("p", parentId).param("n", name).param("u", userId)
                .query(Long.class).single();
    }

    Optional<Folder> folder(long id) {
        return jdbc.sql("select id, space_id, parent_id, name, created_at from file_folders where id = :id")
                .param("id", id).query(FileRepository::folder).optional();
    }

    List<Folder> folders(long spaceId, Long parentId) {
        return jdbc.sql("""
                        select id, space_id, parent_id, name, created_at from file_folders
                        where space_id = :s and coalesce(parent_id, 0) = coalesce(cast(:p as bigint), 0)
                        order by lower(name), id""")
                .param("s", spaceId).param("p", parentId).query(FileRepository::folder).list();
    }

    /** Every folder of the space, by name (choices for moving). */
    List<Folder> allFolders(long spaceId) {
        return jdbc.sql("select id, space_id, parent_id, name, created_at from file_folders where space_id = :s "
                        + "order by lower(name), id")
                .param("s", spaceId).query(FileRepository::folder).list();
    }

    /** The folder and its ancestors, the top one first. */
    List<Folder> path(long folderId) {
        return jdbc.sql("""
                        with recursive up as (
                            select id, space_id, parent_id, name, created_at, 0 as depth from file_folders
                            where id = :id
                            union all
                            select f.id, f.space_id, f.parent_id, f.name, f.created_at, up.depth + 1
                            from file_folders f join up on f.id = up.parent_id)
                        select id, space_id, parent_id, name, created_at from up order by depth desc""")
                .param("id", folderId).query(FileRepository::folder).list();
    }

    boolean nameTaken(long spaceId, Long parentId, String name, Long exceptFolder, Long exceptFile) {
        return jdbc.sql("""
                        select exists (select 1 from file_folders where space_id = :s
                                and coalesce(parent_id, 0) = coalesce(cast(:p as bigint), 0)
                                and lower(name) = lower(:n) and id <> :ef)
                            or exists (select 1 from files where space_id = :s
                                and coalesce(folder_id, 0) = coalesce(cast(:p as bigint), 0)
                                and lower(name) = lower(:n) and id <> :ff)""")
                .param("s", spaceId).param("p", parentId).param("n", name)
                .param("ef", exceptFolder == null ? 0L : exceptFolder)
                .param("ff", exceptFile == null ? 0L : exceptFile).query(Boolean.class).single();
    }

    void updateFolder(long id, Long parentId, String name) {
        jdbc.sql("update file_folders set parent_id = :p, name = :n where id = :id")
                .param("id", id).param("p", parentId).param("n", name).update();
    }

    boolean folderEmpty(long id) {
        return jdbc.sql("""
                        select not exists (select 1 from file_folders where parent_id = :id)
                           and not exists (select 1 from files where folder_id = :id)""")
                .param("id", id).query(Boolean.class).single();
    }

    void deleteFolder(long id) {
        jdbc.sql("delete from file_folders where id = :id").param("id", id).update();
    }

    // files

    long insertFile(long spaceId, Long folderId, String name, long userId) {
        return jdbc.sql("""
                        insert into files (space_id, folder_id, name, uploaded_by)
                        values (:s, :f, :n, :u) returning id""")
                .param("s", spaceId).param("f", folderId).param("n", name).param("u", userId)
                .query(Long.class).single();
    }

    Optional<StoredFileRow> file(long id) {
        return jdbc.sql(FILE_SELECT + " where f.id = :id").param("id", id).query(FileRepository::file).optional();
    }

    Optional<Long> fileByName(long spaceId, Long folderId, String name) {
        return jdbc.sql("""
                        select id from files where space_id = :s
                        and coalesce(folder_id, 0) = coalesce(cast(:f as bigint), 0) and lower(name) = lower(:n)""")
                .param("s", spaceId).param("f", folderId).param("n", name).query(Long.class).optional();
    }

    /** One page of the files in a folder, by name. */
    List<StoredFileRow> files(long spaceId, Long folderId, String afterName, long afterId, int limit) {
        return jdbc.sql(FILE_SELECT + """
                         where f.space_id = :s and coalesce(f.folder_id, 0) = coalesce(cast(:f as bigint), 0)
                           and (lower(f.name), f.id) > (:after, :afterId)
                         order by lower(f.name), f.id limit :limit""")
                .param("s", spaceId).param("f", folderId).param("after", afterName).param("afterId", afterId)
                .param("limit", limit).query(FileRepository::file).list();
    }

    /** Locks the file's row so that two uploads of a new version get different numbers. */
    void lockFile(long id) {
        jdbc.sql("select id from files where id = :id for update").param("id", id).query(Long.class).optional();
    }

    void updateFile(long id, Long folderId, String name) {
        jdbc.sql("update files set folder_id = :f, name = :n, updated_at = now() where id = :id")
                .param("id", id).param("f", folderId).param("n", name).update();
    }

    void touchFile(long id) {
        jdbc.sql("update files set updated_at = now() where id = :id").param("id", id).update();
    }

    void deleteFile(long id) {
        jdbc.sql("delete from files where id = :id").param("id", id).update();
    }

    // versions and content

    int nextNumber(long fileId) {
        return jdbc.sql("select coalesce(max(number), 0) + 1 from file_versions where file_id = :f")
                .param("f", fileId).query(Integer.class).single();
    }

    long insertVersion(long fileId, int number, String contentType, long size, String sha256, long userId,
                       Integer restoredFrom) {
        return jdbc.sql("""
                        insert into file_versions (file_id, number, content_type, size, sha256, uploaded_by,
                                                   restored_from)
                        values (:f, :n, :t, :s, :h, :u, :r) returning id""")
                .param("f", fileId).param("n", number).param("t", contentType).param("s", size).param("h", sha256)
                .param("u", userId).param("r", restoredFrom).query(Long.class).single();
    }

    void finishVersion(long versionId, long size, String sha256) {
        jdbc.sql("update file_versions set size = :s, sha256 = :h where id = :id")
                .param("id", versionId).param("s", size).param("h", sha256).update();
    }

    List<FileVersion> versions(long fileId) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from file_versions where file_id = :f order by number desc")
                .param("f", fileId).query(FileRepository::version).list();
    }

    Optional<FileVersion> version(long fileId, int number) {
        return jdbc.sql("select " + VERSION_COLUMNS + " from file_versions where file_id = :f and number = :n")
                .param("f", fileId).param("n", number).query(FileRepository::version).optional();
    }

    void insertChunk(long versionId, int seq, byte[] data) {
        jdbc.sql("insert into file_chunks (version_id, seq, data) values (:v, :s, :d)")
                .param("v", versionId).param("s", seq).param("d", data).update();
    }

    /** One chunk of a version's bytes; empty after the last one. */
    Optional<byte[]> chunk(long versionId, int seq) {
        return jdbc.sql("select data from file_chunks where version_id = :v and seq = :s")
                .param("v", versionId).param("s", seq).query(byte[].class).optional();
    }

    void copyChunks(long fromVersion, long toVersion) {
        jdbc.sql("insert into file_chunks (version_id, seq, data) select :to, seq, data from file_chunks "
                        + "where version_id = :from")
                .param("from", fromVersion).param("to", toVersion).update();
    }

    /** The bytes of every version of every file in the space. */
    long usedBytes(long spaceId) {
        return jdbc.sql("""
                        select coalesce(sum(v.size), 0) from file_versions v join files f on f.id = v.file_id
                        where f.space_id = :s""")
                .param("s", spaceId).query(Long.class).single();
    }

    /** Serialises the limit check of uploads into one space until the transaction ends. */
    void lockSpaceUsage(long spaceId) {
        jdbc.sql("select pg_advisory_xact_lock(120, cast(:s as integer))").param("s", spaceId)
                .query((rs, n) -> 1).list();
    }

    // thumbnails and text

    Optional<byte[]> preview(long versionId) {
        return jdbc.sql("select png from file_previews where version_id = :v").param("v", versionId)
                .query(byte[].class).optional();
    }

    void savePreview(long versionId, byte[] png) {
        jdbc.sql("insert into file_previews (version_id, png) values (:v, :p) on conflict do nothing")
                .param("v", versionId).param("p", png).update();
    }

    Optional<String> extractedText(long versionId) {
        return jdbc.sql("select extracted_text from file_versions where id = :v and extracted_text is not null")
                .param("v", versionId).query(String.class).optional();
    }

    void saveText(long versionId, String text) {
        jdbc.sql("update file_versions set extracted_text = :t where id = :v").param("v", versionId)
                .param("t", text).update();
    }

    /** The file and its current version for the index; empty when it does not exist. */
    public Optional<IndexRow> indexRow(long id) {
        return jdbc.sql(FILE_SELECT + " where f.id = :id").param("id", id).query(FileRepository::indexRow)
                .optional();
    }

    /** Files with an id greater than {@code afterId} and their current versions, by id. */
    public List<IndexRow> indexRows(long afterId, int limit) {
        return jdbc.sql(FILE_SELECT + " where f.id > :after order by f.id limit :limit")
                .param("after", afterId).param("limit", limit).query(FileRepository::indexRow).list();
    }

    private static IndexRow indexRow(ResultSet rs, int n) throws SQLException {
        return new IndexRow(rs.getLong("id"), rs.getLong("space_id"), (Long) rs.getObject("uploaded_by"),
                rs.getString("name"), rs.getLong("version_id"), rs.getString("content_type"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Folder folder(ResultSet rs, int n) throws SQLException {
        return new Folder(rs.getLong("id"), rs.getLong("space_id"), (Long) rs.getObject("parent_id"),
                rs.getString("name"), rs.getTimestamp("created_at").toInstant());
    }

    private static StoredFileRow file(ResultSet rs, int n) throws SQLException {
        return new StoredFileRow(rs.getLong("id"), rs.getLong("space_id"), (Long) rs.getObject("folder_id"),
                rs.getString("name"), (Long) rs.getObject("uploaded_by"), rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version_id"), rs.getInt("number"),
                rs.getString("content_type"), rs.getLong("size"), (Long) rs.getObject("version_by"),
                rs.getTimestamp("version_at").toInstant());
    }

    private static FileVersion version(ResultSet rs, int n) throws SQLException {
        return new FileVersion(rs.getLong("id"), rs.getLong("file_id"), rs.getInt("number"),
                rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
                (Long) rs.getObject("uploaded_by"), (Integer) rs.getObject("restored_from"),
                rs.getTimestamp("created_at").toInstant());
    }
}
