package de.kontor.wiki.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for page attachments; the bytes are read only when a file is downloaded. */
@Repository
class AttachmentRepository {

    private static final String COLUMNS = "id, page_id, name, content_type, size, uploaded_by, created_at";

    private final JdbcClient jdbc;

    AttachmentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the file; a file of the same name on the page is replaced. */
    Attachment save(long pageId, String name, String contentType, byte[] data, long userId) {
        return jdbc.sql("""
                        insert into wiki_attachments (page_id, name, content_type, size, data, uploaded_by)
                        values (:p, :n, :t, :s, :d, :u)
                        on conflict (page_id, lower(name)) do update
                            set name = excluded.name, content_type = excluded.content_type, size = excluded.size,
                                data = excluded.data, uploaded_by = excluded.uploaded_by, created_at = now()
                        returning\s""" + COLUMNS)
                .param("p", pageId).param("n", name).param("t", contentType).param("s", (long) data.length)
                .param("d", data).param("u", userId).query(AttachmentRepository::attachment).single();
    }

    List<Attachment> list(long pageId) {
        return jdbc.sql("select " + COLUMNS + " from wiki_attachments where page_id = :p order by lower(name)")
                .param("p", pageId).query(AttachmentRepository::attachment).list();
    }

    Optional<Attachment> find(long pageId, String name) {
        return jdbc.sql("select " + COLUMNS + " from wiki_attachments where page_id = :p and lower(name) = lower(:n)")
                .param("p", pageId).param("n", name).query(AttachmentRepository::attachment).optional();
    }

    byte[] data(long id) {
        return jdbc.sql("select data from wiki_attachments where id = :id").param("id", id).query(byte[].class)
                .single();
    }

    void delete(long id) {
        jdbc.sql("delete from wiki_attachments where id = :id").param("id", id).update();
    }

    private static Attachment attachment(ResultSet rs, int n) throws SQLException {
        return new Attachment(rs.getLong("id"), rs.getLong("page_id"), rs.getString("name"),
                rs.getString("content_type"), rs.getLong("size"), rs.getObject("uploaded_by", Long.class),
                rs.getTimestamp("created_at").toInstant());
    }
}
