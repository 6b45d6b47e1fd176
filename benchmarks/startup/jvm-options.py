#!/usr/bin/env python3
"""Times Conduit's start to its first 200 under different JVM options, the variants taking turns.

    benchmarks/startup/jvm-options.py N 'label::options' ['label::options' ...]

e.g. jvm-options.py 7 'plain::' 'c1::-XX:TieredStopAtLevel=1' 'other-cache::-XX:AOTCache=/tmp/x.aot'

Uses examples/conduit/target/{conduit.jar,conduit.aot} (or the folder in $CONDUIT_DIR), on an
SQLite file that one untimed start migrates and seeds first. Polls from this process (no curl
per poll, which costs CPU on a 2-core machine: run.sh's figures are higher). Prints the medians
of the wall time and of the process's CPU time (user+sys) at the first 200.
"""
import os, signal, statistics, subprocess, sys, tempfile, time, urllib.request

JAVA = os.path.join(os.environ.get("JAVA_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64"), "bin", "java")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DIR = os.environ.get("CONDUIT_DIR", os.path.join(ROOT, "examples", "conduit", "target"))
PORT = 18282
DB = os.path.join(tempfile.mkdtemp(prefix="keel-jvm-options-"), "conduit.db")


def start(options):
    cache = [] if "AOTCache" in options else ["-XX:AOTCache=" + os.path.join(DIR, "conduit.aot")]
    cmd = [JAVA, *cache, "--enable-native-access=ALL-UNNAMED", *options.split(),
           "-jar", os.path.join(DIR, "conduit.jar"),
           "--keel.db.url=jdbc:sqlite:" + DB, "--keel.server.port=%d" % PORT]
    began = time.time()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            if urllib.request.urlopen("http://127.0.0.1:%d/api/articles" % PORT, timeout=1).status == 200:
                break
        except Exception:
            pass
        if p.poll() is not None:
            sys.exit("the server with options '%s' exited before its first 200" % options)
        time.sleep(0.005)
    wall = (time.time() - began) * 1000
    stat = open("/proc/%d/stat" % p.pid).read().rsplit(")", 1)[1].split()
    cpu = (int(stat[11]) + int(stat[12])) * 1000 / os.sysconf("SC_CLK_TCK")
    p.send_signal(signal.SIGTERM)
    p.wait()
    return wall, cpu


def main():
    if len(sys.argv) < 3 or not sys.argv[1].isdigit():
        sys.exit(__doc__)
    n = int(sys.argv[1])
    variants = [v.split("::", 1) if "::" in v else sys.exit("expected label::options, got " + v)
                for v in sys.argv[2:]]
    start("")  # migrates and seeds the database, untimed
    results = {label: [] for label, _ in variants}
    for _ in range(n):
        for label, options in variants:
            results[label].append(start(options))
    for label, runs in results.items():
        walls, cpus = [w for w, _ in runs], [c for _, c in runs]
        print("%-14s wall %6.0f ms (%4.0f-%4.0f)  cpu %6.0f ms" % (
            label, statistics.median(walls), min(walls), max(walls), statistics.median(cpus)))


if __name__ == "__main__":
    main()
