package fi.palaute.common.app;

import fi.palaute.common.config.Service;
import fi.palaute.common.config.Setting;
import fi.palaute.common.config.SettingProblems;
import fi.palaute.common.config.Settings;
import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Set;

/**
 * One run of a command: its arguments (after the command name), the environment and where to print.
 *
 * @param args the words after the command name, e.g. {@code --period week}
 */
public record Invocation(Service service, List<String> args, Settings env, Clock clock, PrintStream out,
                         PrintStream err) {

    public Invocation {
        args = List.copyOf(args);
    }

    public boolean hasFlag(String flag) {
        return args.contains(flag);
    }

    /** The word after {@code option}, or null. */
    public String option(String option) {
        int i = args.indexOf(option);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : null;
    }

    /**
     * Checks every setting the service reads against its declaration, and throws every problem at once.
     *
     * @param notNeeded required settings this command can do without
     */
    public void requireValidSettings(Set<Setting> notNeeded) {
        var problems = env.problems(service, notNeeded);
        if (!problems.isEmpty()) throw new SettingProblems(problems);
    }

    /** Before serving: every setting problem at once (then exit 2), else a warning line per risky value. */
    public void startUp() {
        requireValidSettings(Set.of());
        org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger("palaute");
        StartupWarnings.of(service, env).forEach(log::warn);
    }
}
