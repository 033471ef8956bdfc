package fi.palaute.bench;

final class FootprintBench {
    FootprintBench(BenchMain.Options o, Report report, IntakeBench intake) {}
    void run() throws Exception {}
}
