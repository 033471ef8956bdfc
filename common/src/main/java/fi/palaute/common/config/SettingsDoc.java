package fi.palaute.common.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * docs/settings.md, made from the declarations in {@link Setting}. {@code SettingsDocTest} fails when the
 * committed file differs; regenerate it with
 * {@code mvn -o -q -pl common test -Dtest=SettingsDocTest -Dpalaute.writeSettingsDoc=true}, or run this class
 * with the target path as its argument.
 */
public final class SettingsDoc {
    private SettingsDoc() {}

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/settings.md");
        Files.writeString(target, markdown(), StandardCharsets.UTF_8);
        System.out.println("wrote " + target.toAbsolutePath());
    }

    public static String markdown() {
        StringBuilder md = new StringBuilder("""
                # Settings

                <!-- Generated from common/src/main/java/fi/palaute/common/config/Setting.java: do not edit by hand.
                     Regenerate: mvn -o -q -pl common test -Dtest=SettingsDocTest -Dpalaute.writeSettingsDoc=true
                     (SettingsDocTest fails while this file and the declarations differ.) -->

                Every service reads its settings from environment variables. A missing or invalid setting stops
                start-up with one line per problem naming the setting (exit code 2); `check` lists the same
                problems. Secrets are never printed. Each jar's `--help` lists the settings it reads.

                """);
        for (Scope scope : Scope.values()) {
            List<Setting> settings = Arrays.stream(Setting.values()).filter(s -> s.scope() == scope).toList();
            if (settings.isEmpty()) continue;
            md.append("## ").append(scope.title()).append("\n\n");
            md.append("| name | default | type | meaning |\n| --- | --- | --- | --- |\n");
            for (Setting s : settings) {
                md.append("| `").append(s.name()).append("` | ").append(cell(s.need().describe(), true)).append(" | ")
                        .append(cell(s.type().description(), false)).append(" | ").append(cell(s.meaning(), false))
                        .append(" |\n");
            }
            md.append('\n');
        }
        md.append("Read by: ").append(Arrays.stream(Service.values())
                .map(service -> "`" + service.jar() + "` " + Setting.of(service).size() + " settings")
                .collect(Collectors.joining(", "))).append(".\n");
        return md.toString();
    }

    /** Markdown table cell; a default value is shown as code, "required" and "unset" as words. */
    private static String cell(String text, boolean defaultValue) {
        String escaped = text.replace("|", "\\|");
        boolean words = escaped.startsWith("required") || escaped.equals("unset") || escaped.startsWith("zendesk ");
        return defaultValue && !words ? "`" + escaped + "`" : escaped;
    }
}
