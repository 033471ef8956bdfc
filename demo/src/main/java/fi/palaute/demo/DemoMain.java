package fi.palaute.demo;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * {@code java -jar demo/target/palaute-demo.jar [--once] [--port-base N]}: the whole Palaute loop on a local
 * SQLite file against stand-ins of Zendesk, Freshdesk and Slack, all on 127.0.0.1. Without {@code --once}
 * it keeps serving until Ctrl-C, so a rating page and the dashboard can be tried in a browser.
 */
public final class DemoMain {
    /** A wrong argument or a port that is taken: trying again unchanged will not help. */
    static final int EXIT_USAGE = 2;

    private DemoMain() {}

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(DemoOptions.USAGE);
            return;
        }
        DemoOptions options;
        try {
            options = DemoOptions.parse(arguments);
        } catch (IllegalArgumentException e) {
            System.err.println("palaute-demo: " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        // The stand-ins' web server talks about its own tuning; not what the demo is about.
        System.setProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty", "error");
        PrintStream out = System.out;
        Demo demo = new Demo(out, options);
        try {
            demo.start();
        } catch (Demo.PortTakenException e) {
            demo.close();
            System.err.println("palaute-demo: " + e.getMessage());
            System.exit(EXIT_USAGE);
            return;
        }
        if (options.once()) {
            try (demo) {
                demo.run();
            }
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println();
            out.println("Stopping: services, stand-ins and the demo database are going away.");
            demo.close();
        }, "palaute-demo-stop"));
        out.println("(The services keep running after the loop, until Ctrl-C, so the pages can be tried in a browser.)");
        demo.run();
        Thread.currentThread().join();
    }
}
