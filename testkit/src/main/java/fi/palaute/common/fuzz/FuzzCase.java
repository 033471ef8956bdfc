package fi.palaute.common.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** One generated request: method, path with query, headers, raw body, and a note saying what was aimed at. */
public record FuzzCase(String method, String path, List<String[]> headers, byte[] body, String note) {

    public static FuzzCase post(String path, byte[] body, String note) {
        return new FuzzCase("POST", path, new ArrayList<>(), body, note);
    }

    public static FuzzCase get(String path, String note) {
        return new FuzzCase("GET", path, new ArrayList<>(), new byte[0], note);
    }

    public FuzzCase header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** Short enough to print when a case fails, so it can be read and replayed. */
    public String describe() {
        String text = new String(body, StandardCharsets.UTF_8);
        StringBuilder h = new StringBuilder();
        for (String[] kv : headers) h.append(kv[0]).append(": ").append(kv[1]).append("; ");
        return method + " " + path + " [" + note + "] headers{" + h + "} body(" + body.length + " bytes)="
                + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
    }
}
