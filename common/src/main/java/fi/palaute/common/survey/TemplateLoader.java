package fi.palaute.common.survey;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the bundled templates and then the custom folder. A custom file replaces the
 * bundled template with the same id and language, or adds a new id.
 */
final class TemplateLoader {

    private static final Logger log = LoggerFactory.getLogger(TemplateLoader.class);

    /** Listed rather than scanned because a class-path folder cannot be listed reliably inside a jar. */
    private static final List<String> BUNDLED = List.of(
            "csat.en.json", "csat.fi.json",
            "ces.en.json", "ces.fi.json",
            "nps.en.json", "nps.fi.json");
    private static final String BUNDLED_FOLDER = "templates/";

    private final TemplateFile templateFile = new TemplateFile();

    /** @param customDir folder of custom templates, or null for the bundled ones only */
    List<SurveyTemplate> load(Path customDir) {
        Map<Key, Loaded> byKey = new LinkedHashMap<>();
        for (String name : BUNDLED) {
            String source = BUNDLED_FOLDER + name;
            Loaded loaded = new Loaded(templateFile.parse(source, readBundled(source)), source);
            byKey.put(loaded.key(), loaded);
        }
        if (customDir != null) {
            Map<Key, Loaded> custom = new HashMap<>();
            for (Path file : jsonFiles(customDir)) {
                String source = file.toString();
                Loaded loaded = new Loaded(templateFile.parse(source, readFile(file)), source);
                Loaded clash = custom.put(loaded.key(), loaded);
                if (clash != null) {
                    throw new TemplateException(source + ": template \"" + loaded.template().id() + "\" in \""
                            + loaded.template().locale() + "\" is also defined in " + clash.source());
                }
                Loaded replaced = byKey.put(loaded.key(), loaded);
                log.info("Survey template \"{}\" ({}) {} from {}", loaded.template().id(),
                        loaded.template().locale(), replaced == null ? "added" : "overridden", source);
            }
        }
        requireOneMetricPerId(byKey.values());
        List<SurveyTemplate> templates = new ArrayList<>();
        byKey.values().forEach(loaded -> templates.add(loaded.template()));
        return List.copyOf(templates);
    }

    /**
     * Answers are scored per metric, so every language of one id must ask on the same
     * scale; otherwise an override could silently turn a CSAT survey into NPS in Finnish only.
     */
    private static void requireOneMetricPerId(Iterable<Loaded> all) {
        Map<String, Loaded> firstById = new HashMap<>();
        for (Loaded loaded : all) {
            Loaded first = firstById.putIfAbsent(loaded.template().id(), loaded);
            if (first != null && first.template().metric() != loaded.template().metric()) {
                throw new TemplateException(loaded.source() + ": field \"metric\" is \""
                        + loaded.template().metric().id() + "\" but template \"" + loaded.template().id()
                        + "\" is \"" + first.template().metric().id() + "\" in " + first.source());
            }
        }
    }

    private static byte[] readBundled(String resource) {
        try (InputStream in = TemplateLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new TemplateException(resource + ": bundled template is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new TemplateException(resource + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] readFile(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new TemplateException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** The folder's own *.json files in name order, so that loading and error messages are repeatable. */
    private static List<Path> jsonFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new TemplateException(folder + ": template folder does not exist or is not a folder");
        }
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (!name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".json")
                        && Files.isRegularFile(entry)) {
                    files.add(entry);
                }
            }
        } catch (IOException e) {
            throw new TemplateException(folder + ": template folder cannot be read: " + e.getMessage(), e);
        }
        files.sort(null);
        return files;
    }

    private record Key(String id, String locale) {
    }

    private record Loaded(SurveyTemplate template, String source) {
        Key key() {
            return new Key(template.id(), template.locale());
        }
    }
}
