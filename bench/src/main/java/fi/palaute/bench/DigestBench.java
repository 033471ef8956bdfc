package fi.palaute.bench;

final class DigestBench {
    DigestBench(BenchMain.Options o, Report report) {}
    void run() throws Exception {}
}
