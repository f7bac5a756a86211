package de.kontor.support;

import java.net.http.HttpHeaders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/** A response as tests see it. */
public record Http(int status, String body, HttpHeaders headers) {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body);
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public String location() {
        return header("Location");
    }

    @Override
    public String toString() {
        return status + " " + (body.length() > 500 ? body.substring(0, 500) + "…" : body);
    }
}
