package fi.palaute.common.config;

import java.util.List;
import java.util.stream.Collectors;

/** Several settings are missing or invalid: every one is listed, so one restart can fix them all. */
public final class SettingProblems extends RuntimeException {
    private final List<SettingException> problems;

    public SettingProblems(List<SettingException> problems) {
        super(problems.stream().map(SettingException::getMessage).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) throw new IllegalArgumentException("no problems");
        this.problems = List.copyOf(problems);
    }

    public List<SettingException> problems() { return problems; }
}
