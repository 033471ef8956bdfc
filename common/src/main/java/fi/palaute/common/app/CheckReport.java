package fi.palaute.common.app;

import fi.palaute.common.config.Service;
import fi.palaute.common.config.Setting;
import fi.palaute.common.config.SettingException;
import fi.palaute.common.config.Settings;
import fi.palaute.common.store.Database;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code check} command of every jar: one line per check ({@code ok}, {@code warn} or {@code FAIL}),
 * every check run even after a failure so one run shows every problem, exit code 1 when any failed.
 * The settings and database lines are the same for every service; each connector adds its vendor lines.
 */
public final class CheckReport {
    /** One check: returns what was found, or throws with what is wrong. */
    @FunctionalInterface
    public interface Check<T> {
        T run() throws Exception;
    }

    private final PrintStream out;
    private boolean failed;

    public CheckReport(String title, PrintStream out) {
        this.out = out;
        out.println(title + ": check");
    }

    /**
     * The settings line(s): every problem with the settings the service reads, from their declarations,
     * then the warnings about risky values. {@code notNeeded} are required settings whose absence the
     * check reports but that do not keep the other checks from running.
     *
     * @return true when the settings are complete and valid
     */
    public boolean settings(Service service, Settings env, Set<Setting> notNeeded) {
        List<SettingException> problems = env.problems(service, Set.of());
        problems.forEach(p -> fail("settings", p.getMessage()));
        StartupWarnings.of(service, env).forEach(w -> warn("settings", w));
        return problems.stream().noneMatch(p -> Setting.named(p.setting()).map(s -> !notNeeded.contains(s)).orElse(true));
    }

    /** The database line: it opens (with the reason when it does not), answers and is migrated. */
    public void database(Settings env) {
        check("database", () -> {
            try (Database db = Database.open(env)) {
                if (!db.isHealthy()) throw new IllegalStateException(db.displayUrl() + " does not answer");
                return db.displayUrl() + " (migrations applied)";
            }
        });
    }

    /** Runs one check and prints its line: what it found, or what is wrong. */
    public Optional<String> check(String what, Check<String> check) {
        return check(what, check, detail -> detail);
    }

    /**
     * Runs one check and prints its line, describing what it found with {@code describe}; the value is
     * empty when it failed.
     */
    public <T> Optional<T> check(String what, Check<T> check, Function<? super T, String> describe) {
        try {
            T value = check.run();
            ok(what, describe.apply(value));
            return Optional.ofNullable(value);
        } catch (Exception e) {
            fail(what, e.getMessage() == null ? e.toString() : e.getMessage());
            return Optional.empty();
        }
    }

    public void ok(String what, String detail) {
        line("ok", what, detail);
    }

    public void warn(String what, String detail) {
        line("warn", what, detail);
    }

    public void fail(String what, String detail) {
        failed = true;
        line("FAIL", what, detail);
    }

    public boolean failed() { return failed; }

    /** Prints the verdict; returns the exit code. */
    public int finish() {
        out.println(failed ? "FAILED: fix the lines marked FAIL and run check again." : "All checks passed.");
        return failed ? 1 : 0;
    }

    private void line(String mark, String what, String detail) {
        out.printf("  %-4s  %-18s %s%n", mark, what, detail);
    }
}
