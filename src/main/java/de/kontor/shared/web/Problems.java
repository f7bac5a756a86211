package de.kontor.shared.web;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Builds RFC 9457 problem details the same way everywhere (also from filters, outside Spring MVC). */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;

    private Problems() {
    }

    public static boolean isApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    public static ProblemDetail of(int status, String detail) {
        HttpStatus s = HttpStatus.resolve(status);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(s == null ? HttpStatus.INTERNAL_SERVER_ERROR : s, detail);
        p.setType(URI.create("about:blank"));
        return p;
    }

    public static ProblemDetail withErrors(ProblemDetail p, List<Map<String, String>> errors) {
        p.setProperty("errors", errors);
        return p;
    }

    /** Writes a minimal problem document without Jackson (used from security filters). */
    public static void write(HttpServletResponse response, int status, String detail) throws IOException {
        HttpStatus s = HttpStatus.resolve(status);
        String title = s == null ? "Error" : s.getReasonPhrase();
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + json(title) + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\"}");
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
