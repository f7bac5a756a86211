package de.kontor.wiki;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Who watches a wiki page (its authors watch it automatically); for the notify module. */
@Service
public class WikiWatchers {

    private final JdbcClient jdbc;

    public WikiWatchers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Ids of the people watching the page. */
    public List<Long> watchers(long pageId) {
        return jdbc.sql("select user_id from wiki_watches where page_id = :p order by user_id").param("p", pageId)
                .query(Long.class).list();
    }
}
