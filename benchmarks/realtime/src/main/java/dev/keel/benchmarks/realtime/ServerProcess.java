package dev.keel.benchmarks.realtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link BenchServer} in its own JVM, so its RSS is the server's alone. */
final class ServerProcess implements AutoCloseable {
  final Process process;
  final int port;

  ServerProcess(List<String> jvmFlags, String... keelArgs) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.addAll(jvmFlags);
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(BenchServer.class.getName());
    cmd.add("--keel.server.port=0");
    cmd.add("--keel.server.max-connections=100000");
    cmd.addAll(List.of(keelArgs));
    process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    var reader = new BufferedReader(new InputStreamReader(process.getInputStream()));
    String line;
    int p = -1;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith("READY ")) {
        p = Integer.parseInt(line.substring(6).trim());
        break;
      }
    }
    if (p < 0) throw new IOException("the server did not start");
    port = p;
    Thread.ofVirtual().start(() -> reader.lines().forEach(l -> {})); // keep draining its output
  }

  /** Resident set size in KiB, from /proc. */
  long rssKib() throws IOException {
    for (String l : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
      if (l.startsWith("VmRSS:")) return Long.parseLong(l.replaceAll("\\D", ""));
    }
    throw new IOException("no VmRSS for " + process.pid());
  }

  @Override
  public void close() {
    process.destroy();
  }
}
