package fi.palaute.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results as Markdown: one table per benchmark, with notes; printed and written to a file. */
final class Report {
    private final StringBuilder md = new StringBuilder();

    void heading(String text) {
        md.append("\n### ").append(text).append("\n\n");
        System.out.println("\n== " + text);
    }

    void note(String text) {
        md.append(text).append("\n\n");
        System.out.println(text);
    }

    void raw(String text) {
        md.append(text);
    }

    /** A table; rows are lists of cells. */
    void table(List<String> header, List<List<String>> rows) {
        StringBuilder t = new StringBuilder();
        t.append("| ").append(String.join(" | ", header)).append(" |\n|");
        for (int i = 0; i < header.size(); i++) t.append(" --- |");
        t.append('\n');
        for (List<String> r : rows) t.append("| ").append(String.join(" | ", r)).append(" |\n");
        md.append(t).append('\n');
        System.out.print(t);
        System.out.flush();
    }

    String markdown() {
        return md.toString();
    }

    void write(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, md.toString(), StandardCharsets.UTF_8);
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static String mb(long kb) {
        return kb < 0 ? "n/a" : f("%.0f MB", kb / 1024.0);
    }

    static List<String> row(Object... cells) {
        List<String> out = new ArrayList<>();
        for (Object c : cells) out.add(String.valueOf(c));
        return out;
    }
}
