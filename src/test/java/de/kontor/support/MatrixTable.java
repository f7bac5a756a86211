package de.kontor.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The text tables of the authorization matrix tests: one row per endpoint,
 * {@code METHOD path [json body] | space kind | expected status per viewer kind}. A row whose cells stand on the
 * next line (long endpoints) is joined first; blank lines and {@code #} comments are skipped.
 */
public final class MatrixTable {

    /**
     * The form fields of a row's body written like a query string ({@code a=1&b=x+y&c=%C3%A4}), URL-decoded, in
     * their order; empty for no body.
     */
    public static Map<String, String> form(String body) {
        Map<String, String> form = new LinkedHashMap<>();
        if (body != null && !body.isEmpty()) {
            for (String pair : body.split("&")) {
                int eq = pair.indexOf('=');
                form.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

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

    /**
     * Calls every cell ({@code row × viewer}) and asserts its exact status: a number, or {@code L} for a redirect to
     * the login page. All differing cells are reported together. {@code afterCell} runs after each call.
     */
    public static <V extends Enum<V>> void assertCells(String table, V[] viewers, int minCells,
                                                       BiFunction<Row, V, Http> call, BiConsumer<Row, V> afterCell) {
        List<String> failures = new ArrayList<>();
        int cells = 0;
        for (Row row : parse(table)) {
            assertThat(row.cells()).as(row.source()).hasSize(viewers.length);
            for (V v : viewers) {
                String expected = row.cells().get(v.ordinal());
                Http r = call.apply(row, v);
                cells++;
                String actual = describe(r);
                if (!expected.equals(actual)) {
                    failures.add(String.format("%-6s %-60s %-10s %-15s expected %-4s got %s",
                            row.method(), row.path() + (row.body() == null ? "" : " " + row.body()), row.kind(), v,
                            expected, actual + (r.status() >= 400 && r.status() != 404 ? " " + excerpt(r) : "")));
                }
                afterCell.accept(row, v);
            }
        }
        assertThat(cells).isGreaterThan(minCells);
        assertThat(failures).as(failures.size() + " of " + cells + " cells differ:\n" + String.join("\n", failures))
                .isEmpty();
    }

    static String describe(Http r) {
        if (r.status() == 302 && r.location() != null && r.location().contains("/login")) {
            return "L";
        }
        return Integer.toString(r.status());
    }

    private static String excerpt(Http r) {
        String b = r.body().replaceAll("\\s+", " ");
        int i = b.indexOf("\"detail\"");
        return i >= 0 ? b.substring(i, Math.min(b.length(), i + 120)) : "";
    }
}
