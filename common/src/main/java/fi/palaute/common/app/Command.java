package fi.palaute.common.app;

/** A command of a service jar ({@code serve}, {@code check}, …). */
@FunctionalInterface
public interface Command {
    /**
     * @return the process exit code, or {@link CommandRunner#KEEP_RUNNING} when a service was started and
     *         runs until it is stopped
     */
    int run(Invocation invocation) throws Exception;
}
