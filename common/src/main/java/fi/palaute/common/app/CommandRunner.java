package fi.palaute.common.app;

import fi.palaute.common.config.Service;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.SettingProblems;
import fi.palaute.common.config.Settings;
import fi.palaute.common.config.SettingsHelp;
import fi.palaute.common.survey.TemplateException;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code main} of every service jar: picks the command (the first one is the default), answers
 * {@code --help} with the commands and every setting the service reads, and turns setting problems into
 * one line each and exit code 2, without a stack trace.
 */
public final class CommandRunner {
    /** What a command returns when it started a service that keeps the process alive. */
    public static final int KEEP_RUNNING = -1;
    /** A setting is missing or wrong: restarting will not help until it is fixed. */
    public static final int EXIT_SETTINGS = 2;

    private final Service service;
    private final String summary;
    private final Map<String, Entry> commands;
    private final String defaultCommand;
    private final List<String> order;

    private record Entry(String usage, String description, Command command) {}

    private CommandRunner(Builder b) {
        this.service = b.service;
        this.summary = b.summary;
        this.commands = Map.copyOf(b.commands);
        this.defaultCommand = b.commands.keySet().iterator().next();
        this.order = List.copyOf(b.commands.keySet());
    }

    public static Builder builder(Service service, String summary) {
        return new Builder(service, summary);
    }

    /**
     * For a jar's {@code main}: UTF-8 output whatever the locale says (a systemd unit sets no LANG, and
     * "…" would print as "?"), logging from PALAUTE_LOG_LEVEL before the first logger exists, then the
     * command; exits unless a service keeps running.
     */
    public void main(String[] args) {
        PrintStream out = utf8(FileDescriptor.out);
        PrintStream err = utf8(FileDescriptor.err);
        System.setOut(out);
        System.setErr(err);
        Settings env = Settings.fromEnvironment();
        try {
            Logging.configure(System.getenv());
        } catch (SettingException e) {
            err.println("palaute: " + e.getMessage());
            System.exit(EXIT_SETTINGS);
        }
        int code = run(Arrays.asList(args), env, Clock.systemUTC(), out, err);
        if (code != KEEP_RUNNING) System.exit(code);
    }

    /** Runs one command line; returns the exit code or {@link #KEEP_RUNNING}. */
    public int run(List<String> args, Settings env, Clock clock, PrintStream out, PrintStream err) {
        if (args.contains("--help") || args.contains("-h") || (!args.isEmpty() && args.get(0).equals("help"))) {
            out.print(usage());
            return 0;
        }
        String name = args.isEmpty() ? defaultCommand : args.get(0);
        Entry entry = commands.get(name);
        if (entry == null) {
            err.println("palaute: unknown command '" + name + "'");
            err.print(usage());
            return EXIT_SETTINGS;
        }
        List<String> rest = args.isEmpty() ? List.of() : args.subList(1, args.size());
        try {
            return entry.command().run(new Invocation(service, rest, env, clock, out, err));
        } catch (SettingProblems e) {
            e.problems().forEach(p -> err.println("palaute: " + p.getMessage()));
            return EXIT_SETTINGS;
        } catch (SettingException | TemplateException e) {
            // One line naming the setting or the template file and field: no stack trace for a typo.
            err.println("palaute: " + e.getMessage());
            return EXIT_SETTINGS;
        } catch (Exception e) {
            err.println("palaute: " + name + " failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /** The text of {@code --help}: commands, then every setting the service reads. */
    public String usage() {
        StringBuilder s = new StringBuilder(summary).append("\n\nusage: java -jar ").append(service.jar())
                .append(".jar [command]\n\ncommands:\n");
        int width = order.stream().mapToInt(n -> commands.get(n).usage().length()).max().orElse(0) + 2;
        for (String n : order) {
            Entry e = commands.get(n);
            String description = (n.equals(defaultCommand) ? "(default) " : "") + e.description();
            s.append("  ").append(e.usage()).append(" ".repeat(width - e.usage().length())).append(description)
                    .append('\n');
        }
        s.append("  --help").append(" ".repeat(Math.max(1, width - 6))).append("this text\n\n");
        return s.append(SettingsHelp.forService(service)).toString();
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new FileOutputStream(fd), true, StandardCharsets.UTF_8);
    }

    public static final class Builder {
        private final Service service;
        private final String summary;
        private final Map<String, Entry> commands = new LinkedHashMap<>();

        private Builder(Service service, String summary) {
            this.service = service;
            this.summary = summary;
        }

        /**
         * @param usage how the command is typed, e.g. {@code digest --period day|week|month}; its first
         *              word is its name
         */
        public Builder command(String usage, String description, Command command) {
            commands.put(usage.split(" ")[0], new Entry(usage, description, command));
            return this;
        }

        public CommandRunner build() {
            if (commands.isEmpty()) throw new IllegalStateException("no commands");
            return new CommandRunner(this);
        }
    }
}
