package de.kontor.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 while indexing: a separate JVM writes documents, commits at a position, keeps writing without a commit
 * and is killed with SIGKILL. The index then holds exactly the committed documents and position; replaying the
 * outbox from that position (the applier's restart path, overlapping rows included) gives every document once.
 */
class SearchIndexCrashTest {

    static final int COMMITTED = 500;
    static final int TOTAL = 1000;

    @TempDir
    Path dir;

    static SearchDocument doc(long id) {
        return new SearchDocument("post", id, Acl.COMPANY, null, null, 1L, "Beitrag " + id,
                "Wartungsprotokoll Nummer " + id + " zur Spindel", List.of(), Instant.now(), "/posts/" + id);
    }

    /** The child process: index 1..COMMITTED, commit with that position, keep writing, wait to be killed. */
    public static void main(String[] args) throws Exception {
        SearchIndex index = new SearchIndex(Path.of(args[0]), List.of());
        index.open();
        for (long id = 1; id <= COMMITTED; id++) {
            index.put(doc(id));
        }
        index.commit(Map.of(SearchIndex.SEQ, Long.toString(COMMITTED)));
        for (long id = COMMITTED + 1; id <= TOTAL; id++) {
            index.put(doc(id));
            // edits of already committed documents in flight as well
            index.put(doc(id - COMMITTED));
        }
        index.refresh();
        System.out.println("WRITING");
        System.out.flush();
        Thread.sleep(60_000);
    }

    @Test
    void killedWhileIndexingLosesOnlyUncommittedWorkAndReplayDuplicatesNothing() throws Exception {
        Path path = dir.resolve("search");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SearchIndexCrashTest.class.getName(), path.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            StringBuilder seen = new StringBuilder();
            while ((line = out.readLine()) != null && !line.equals("WRITING")) {
                seen.append(line).append('\n');
            }
            assertThat(line).as(seen.toString()).isEqualTo("WRITING");
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
        }
        // SIGKILL: exit code 128 + 9
        assertThat(child.exitValue()).isEqualTo(137);

        try (SearchIndex index = new SearchIndex(path, List.of())) {
            SearchIndex.State state = index.open();
            assertThat(state.damaged()).isFalse();
            assertThat(state.seq()).isEqualTo(COMMITTED);
            assertThat(index.documentCount()).isEqualTo(COMMITTED);
            // the applier replays from a little before the position (rows may be applied twice) to the end
            for (long id = COMMITTED - 50; id <= TOTAL; id++) {
                index.put(doc(id));
            }
            index.commit(Map.of(SearchIndex.SEQ, Long.toString(TOTAL)));
            index.refresh();
            assertThat(index.documentCount()).isEqualTo(TOTAL);
        }
    }
}
