package fi.palaute.common.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a handler answers: status, content type, extra headers, cookies and a body. The body is either
 * bytes already in memory or a {@link BodyWriter} that streams it (a large CSV export), so memory does
 * not grow with the size of the answer. Immutable; the {@code with…} methods return a copy.
 */
public final class Response {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] NO_BODY = new byte[0];

    /** Writes a streamed body. Called once, on the request's thread, after the status and headers. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private final int status;
    private final String contentType;
    private final byte[] bytes;
    private final BodyWriter writer;
    private final Map<String, String> headers;
    private final List<Cookie> cookies;

    private Response(int status, String contentType, byte[] bytes, BodyWriter writer, Map<String, String> headers,
                     List<Cookie> cookies) {
        if (status < 100 || status > 599) throw new IllegalArgumentException("status " + status + " is not an HTTP status");
        this.status = status;
        this.contentType = contentType;
        this.bytes = bytes;
        this.writer = writer;
        this.headers = Map.copyOf(headers);
        this.cookies = List.copyOf(cookies);
    }

    /** A buffered answer; {@code headers} are extra headers such as Content-Disposition. */
    public Response(int status, String contentType, byte[] body, Map<String, String> headers) {
        this(status, contentType, body.clone(), null, headers, List.of());
    }

    /** A buffered answer; {@code headers} are extra headers such as Content-Disposition. */
    public static Response of(int status, String contentType, byte[] body, Map<String, String> headers) {
        return new Response(status, contentType, body.clone(), null, headers, List.of());
    }

    /** A streamed answer: the writer produces the body as the client reads it (chunked). */
    public static Response stream(int status, String contentType, BodyWriter writer) {
        return new Response(status, contentType, null, Objects.requireNonNull(writer, "writer"), Map.of(), List.of());
    }

    public static Response json(int status, Object value) {
        try {
            return new Response(status, "application/json; charset=utf-8", JSON.writeValueAsBytes(value), null,
                    Map.of(), List.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON response", e);
        }
    }

    /** The one error shape every endpoint uses: {@code {"error": "...", "detail": "..."}}. */
    public static Response error(int status, String error, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("detail", detail);
        return json(status, body);
    }

    /** An HTML page; the service adds the one Content-Security-Policy and the other page headers. */
    public static Response html(int status, String html) {
        return new Response(status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8), null,
                Map.of(), List.of());
    }

    public static Response text(int status, String contentType, String text) {
        return new Response(status, contentType, text.getBytes(StandardCharsets.UTF_8), null, Map.of(), List.of());
    }

    /**
     * 303 See Other to {@code location}: after a form POST the browser follows it with a GET, so reload
     * and back show the page again instead of sending the form again (POST, redirect, GET).
     */
    public static Response seeOther(String location) {
        return redirect(303, location);
    }

    public static Response redirect(int status, String location) {
        if (status < 300 || status > 399) throw new IllegalArgumentException("a redirect needs a 3xx status, not " + status);
        if (location == null || location.isEmpty() || location.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a redirect needs a location without control characters");
        }
        return new Response(status, "text/plain; charset=utf-8", NO_BODY, null, Map.of("Location", location), List.of());
    }

    public int status() { return status; }

    public String contentType() { return contentType; }

    public Map<String, String> headers() { return headers; }

    public List<Cookie> cookies() { return cookies; }

    public Optional<String> header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst();
    }

    /** True when the body is streamed by a {@link BodyWriter} rather than held in memory. */
    public boolean isStreamed() { return writer != null; }

    /** The buffered body; a streamed response has none until it is written. */
    public byte[] body() {
        if (writer != null) throw new IllegalStateException("a streamed response has no buffered body; use writeBody");
        return bytes.clone();
    }

    public String bodyText() {
        return new String(body(), StandardCharsets.UTF_8);
    }

    /** Writes the body, buffered or streamed, to {@code out}. */
    public void writeBody(OutputStream out) throws IOException {
        if (writer != null) writer.writeTo(out);
        else out.write(bytes);
    }

    int bufferedLength() {
        return writer == null ? bytes.length : -1;
    }

    byte[] bufferedBytes() {
        return bytes;
    }

    public Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.keySet().removeIf(k -> k.equalsIgnoreCase(name));
        h.put(name, value);
        return new Response(status, contentType, bytes, writer, h, cookies);
    }

    /** Adds a Set-Cookie header. */
    public Response withCookie(Cookie cookie) {
        List<Cookie> c = new ArrayList<>(cookies);
        c.add(cookie);
        return new Response(status, contentType, bytes, writer, headers, c);
    }

    @Override
    public String toString() {
        return "Response{" + status + " " + contentType + (writer != null ? ", streamed" : ", " + bytes.length + " bytes") + "}";
    }
}
