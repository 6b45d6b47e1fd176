#!/usr/bin/env python3
"""Checks ./keel demo end to end, in a pseudo-terminal as a user runs it: twice in a row, each time
waiting for "Conduit is running", running the README's one-minute tour (its curl commands, with the
port changed and TOKEN taken from the first answer), then pressing Ctrl-C. Expects:

- the first run (after the start-up cache is removed) prints one "keel: preparing the start-up
  cache ... done in N s" line; the second none: the cache is made once, before the app starts;
- no [warning], [aot] or [cds] line from the JVM, in either run;
- Ctrl-C stops the app within MAX_STOP seconds (the app never writes a cache at exit);
- the tour passes both times (each ./keel demo starts from a fresh demo database);
- ./data (./keel run conduit's database) is not touched.

Slow (a Maven build and a training run), so not part of ./keel test: python3 .ci/demo-check.py
"""
import os, pty, re, select, shutil, signal, socket, subprocess, sys, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MAX_STOP = 2.0  # seconds from Ctrl-C to exit; about 0.1 s when idle, more on a loaded machine
failures = []


def fail(message):
    print("demo-check: FAIL: " + message, file=sys.stderr)
    failures.append(message)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def tour_commands():
    """The README tour's commands: continuation lines joined, comments dropped."""
    readme = open(os.path.join(ROOT, "README.md"), encoding="utf-8").read()
    section = readme[readme.index("## A one-minute tour"):]
    block = re.search(r"```bash\n(.*?)```", section, re.S).group(1)
    commands, current = [], ""
    for line in block.splitlines():
        line = re.sub(r"\s+#.*$", "", line) if not line.lstrip().startswith("#") else ""
        if not line.strip():
            continue
        current += line.rstrip("\\").rstrip() + " " if line.endswith("\\") else line
        if not line.endswith("\\"):
            commands.append(current.strip())
            current = ""
    return commands


def tour(port):
    """Runs the README tour against localhost:PORT; returns a list of problems."""
    problems, token, last = [], "", ""
    for command in tour_commands():
        if command.startswith("TOKEN="):
            m = re.search(r'"token":"([^"]+)"', last)
            if not m:
                return problems + ["no token in the answer to the previous command: " + last[:200]]
            token = m.group(1)
            continue
        command = command.replace("localhost:8080", "localhost:%d" % port)
        command = command.replace("curl ", "curl -s -w '\\n%{http_code}' ", 1)
        run = subprocess.run(["bash", "-c", command], capture_output=True, text=True,
                             env=dict(os.environ, TOKEN=token), timeout=30)
        last, _, status = run.stdout.rpartition("\n")
        print("demo-check:   %s ... -> %s %s" % (command[:60], status, last[:80]))
        if not status.startswith("2"):
            problems.append("%s answered %s: %s" % (command[:80], status, last[:200]))
    return problems


def demo(port, label):
    """One ./keel demo in a pty: wait, tour, Ctrl-C. Returns (output, seconds Ctrl-C took)."""
    env = dict(os.environ, KEEL_SERVER_PORT=str(port))
    env.pop("KEEL_DB_URL", None)
    pid, fd = pty.fork()
    if pid == 0:
        os.chdir(ROOT)
        os.execvpe("./keel", ["./keel", "demo"], env)
    out, started, stop_took, deadline = bytearray(), None, None, time.monotonic() + 900
    while True:
        if select.select([fd], [], [], 0.05)[0]:
            try:
                out.extend(os.read(fd, 65536))
            except OSError:
                pass
        if started is None and b"Conduit is running" in out:
            started = True
            for problem in tour(port):
                fail(label + ": " + problem)
            pressed = time.monotonic()
            os.write(fd, b"\x03")  # Ctrl-C, through the terminal like a user's
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            if started:
                stop_took = time.monotonic() - pressed
            break
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            fail(label + ": no 'Conduit is running' within 15 minutes")
            break
    while select.select([fd], [], [], 0.2)[0]:
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        out.extend(chunk)
    text = out.decode("utf-8", "replace")
    if not started:
        fail(label + ": the demo never started; its output:\n" + text)
    return text, stop_took


def main():
    os.chdir(ROOT)
    target = os.path.join(ROOT, "examples/conduit/target")
    for name in os.listdir(target) if os.path.isdir(target) else []:
        if name.startswith("conduit.aot"):
            os.remove(os.path.join(target, name))
    data = os.path.join(ROOT, "data")
    data_before = sorted(os.listdir(data)) if os.path.isdir(data) else None
    port = free_port()
    for run in (1, 2):
        label = "run %d" % run
        print("demo-check: ./keel demo, %s, on :%d" % (label, port))
        text, stop_took = demo(port, label)
        lines = text.splitlines()
        preparing = [l for l in lines if "keel: preparing the start-up cache" in l]
        noise = [l for l in lines if re.search(r"\[(warning|aot|cds)", l)]
        print("demo-check:   %d lines, %d preparing, %d JVM warnings, Ctrl-C to exit %s" % (
            len(lines), len(preparing), len(noise),
            "-" if stop_took is None else "%.2f s" % stop_took))
        want = 1 if run == 1 else 0
        if len(preparing) != want:
            fail("%s: %d 'preparing the start-up cache' lines, want %d" % (label, len(preparing), want))
        if run == 1 and preparing and not re.search(r"\.\.\. done in \d+ s", preparing[0]):
            fail("%s: the cache was not made: %s" % (label, preparing[0]))
        if noise:
            fail("%s: %d JVM log lines, e.g. %s" % (label, len(noise), noise[0]))
        if stop_took is not None and stop_took > MAX_STOP:
            fail("%s: Ctrl-C took %.2f s to stop the app (want < %.1f s)" % (label, stop_took, MAX_STOP))
    data_after = sorted(os.listdir(data)) if os.path.isdir(data) else None
    if data_after != data_before:
        fail("./keel demo changed ./data: %s -> %s" % (data_before, data_after))
    if failures:
        print("demo-check: %d failure(s)" % len(failures), file=sys.stderr)
        sys.exit(1)
    print("demo-check: OK")


main()
