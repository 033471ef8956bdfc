package fi.palaute.common.config;

import java.util.ArrayList;
import java.util.List;

/** The settings part of a jar's {@code --help}: every setting the service reads, from {@link Setting}. */
public final class SettingsHelp {
    private static final int WIDTH = 100;

    private SettingsHelp() {}

    public static String forService(Service service) {
        List<Setting> settings = Setting.of(service);
        int nameWidth = settings.stream().mapToInt(s -> s.name().length()).max().orElse(0) + 2;
        StringBuilder out = new StringBuilder("settings (environment variables; docs/settings.md has the full list):\n");
        for (Setting s : settings) {
            String text = s.meaning() + " [" + describeNeed(s, service) + "]";
            List<String> lines = wrap(text, WIDTH - nameWidth - 2);
            out.append("  ").append(pad(s.name(), nameWidth)).append(lines.get(0)).append('\n');
            for (String line : lines.subList(1, lines.size())) {
                out.append(" ".repeat(nameWidth + 2)).append(line).append('\n');
            }
        }
        return out.toString();
    }

    private static String describeNeed(Setting s, Service service) {
        if (s.need().isRequired()) return s.need().describe();
        return s.need().defaultFor(service).map(d -> "default " + d).orElse("optional");
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(1, width - s.length()));
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
