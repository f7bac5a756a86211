package de.kontor.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The text tables of the authorization matrix tests: one row per endpoint,
 * {@code METHOD path [json body] | space kind | expected status per viewer kind}. A row whose cells stand on the
 * next line (long endpoints) is joined first; blank lines and {@code #} comments are skipped.
 */
public final class MatrixTable {

    /** One endpoint row: the expected cells are in the order of the test's viewer kinds. */
    public record Row(String method, String path, String body, String kind, List<String> cells, String source) {
    }

    private MatrixTable() {
    }

    public static List<Row> parse(String table) {
        List<Row> rows = new ArrayList<>();
        String pending = null;
        for (String raw : table.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!line.contains("|")) {
                pending = line;
                continue;
            }
            if (pending != null) {
                line = pending + " " + line;
                pending = null;
            }
            String[] parts = line.split("\\|");
            String[] endpoint = parts[0].strip().split("\\s+", 3);
            rows.add(new Row(endpoint[0], endpoint[1], endpoint.length > 2 ? endpoint[2] : null, parts[1].strip(),
                    List.of(parts[2].strip().split("\\s+")), line));
        }
        return rows;
    }
}
