package fi.palaute.bench;

final class BurstBench {
    BurstBench(BenchMain.Options o, Report report) {}
    void run() throws Exception {}
}
