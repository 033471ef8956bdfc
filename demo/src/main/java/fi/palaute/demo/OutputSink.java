package fi.palaute.demo;

import java.io.OutputStream;

/** Discards output: the demo prints the digest as Slack received it instead of the command's own echo. */
final class OutputSink extends OutputStream {
    static final OutputSink INSTANCE = new OutputSink();

    @Override
    public void write(int b) {
        // discarded
    }
}
