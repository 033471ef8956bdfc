package fi.palaute.demo;

import java.util.List;
import java.util.OptionalInt;

/**
 * The demo's command line: {@code [--once] [--port-base N]}.
 *
 * @param once     run the loop, print it and exit, instead of serving until Ctrl-C
 * @param portBase the first of the six ports the demo takes (the three connectors, then the stand-ins of
 *                 Zendesk, Freshdesk and Slack); empty: 8081-8083 for the connectors when free, and any
 *                 free ports for the rest
 */
record DemoOptions(boolean once, OptionalInt portBase) {
    /** Ports from the base on: connectors zendesk, freshdesk, slack; stand-ins Zendesk, Freshdesk, Slack. */
    static final int PORTS = 6;
    static final String USAGE = "usage: java -jar palaute-demo.jar [--once] [--port-base N]\n"
            + "  --once         run the loop, print what happened, and exit\n"
            + "  --port-base N  listen on ports N to N+5 (connectors zendesk, freshdesk, slack, then the stand-ins\n"
            + "                 of Zendesk, Freshdesk and Slack); default 8081-8083 for the connectors when free\n"
            + "Everything listens on 127.0.0.1 only.";

    static DemoOptions defaults() {
        return new DemoOptions(false, OptionalInt.empty());
    }

    /** @throws IllegalArgumentException with the one line to print, for an unknown or malformed argument */
    static DemoOptions parse(List<String> args) {
        boolean once = false;
        OptionalInt base = OptionalInt.empty();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--once")) {
                once = true;
            } else if (arg.equals("--port-base") || arg.startsWith("--port-base=")) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1)
                        : i + 1 < args.size() ? args.get(++i) : "";
                base = OptionalInt.of(portBase(value));
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "' (try --help)");
            }
        }
        return new DemoOptions(once, base);
    }

    private static int portBase(String value) {
        String problem = "--port-base must be a port number 1024-" + (65535 - PORTS + 1) + " (the demo takes it and the "
                + "next " + (PORTS - 1) + ")";
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= 1024 && n <= 65535 - PORTS + 1) return n;
        } catch (NumberFormatException e) {
            // the message below says what was expected
        }
        throw new IllegalArgumentException(problem);
    }
}
