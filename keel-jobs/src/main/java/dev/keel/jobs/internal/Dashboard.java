package dev.keel.jobs.internal;

import dev.keel.core.Keel;
import dev.keel.core.NotFound;
import dev.keel.core.RenderedBody;
import dev.keel.jobs.JobInfo;
import dev.keel.jobs.Jobs;
import dev.keel.jobs.JobsProblems;
import dev.keel.jobs.QueueInfo;
import dev.keel.security.Security;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The jobs page: queues with their counts, failed jobs with their errors, and retry and discard
 * buttons; server-rendered, behind keel-security's role guard, its forms carrying the session's
 * CSRF token (keel-security checks it on every cookie-authenticated POST).
 */
public final class Dashboard {
  private Dashboard() {}

  /**
   * Call only with keel-security on the class path.
   *
   * @throws IllegalStateException when keel-security is not installed: the page must not be public
   */
  public static void register(Keel app, Jobs jobs, String path, String role) {
    if (app.plugin(Security.class).isEmpty()) {
      throw new IllegalStateException(
          "the jobs dashboard at "
              + path
              + " needs keel-security for its '"
              + role
              + "' role check: add dev.keel:keel-security and install Security before Jobs");
    }
    app.group(
        path,
        page -> {
          page.use(Security.requiresRole(role));
          page.route(
              "GET", "", ctx -> html(render(jobs, path, Security.csrfToken(ctx).orElse(""))));
          page.route("POST", "/jobs/{id}/retry", ctx -> act(ctx, path, jobs.retry(id(ctx))));
          page.route("POST", "/jobs/{id}/discard", ctx -> act(ctx, path, jobs.discard(id(ctx))));
        });
  }

  private static long id(dev.keel.core.Context ctx) {
    return ctx.pathParam("id", Long.class);
  }

  private static Object act(dev.keel.core.Context ctx, String path, boolean done) {
    if (!done) {
      throw new NotFound(
          JobsProblems.JOB_NOT_FOUND,
          "there is no such failed job; it may have been retried or discarded already");
    }
    ctx.status(303).header("Location", path);
    return "";
  }

  static String render(Jobs jobs, String path, String csrf) {
    StringBuilder h = new StringBuilder(4096);
    h.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Jobs</title>")
        .append("<style>body{font:14px system-ui;margin:2em}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}")
        .append("pre{max-height:12em;overflow:auto;margin:0}</style></head><body><h1>Jobs</h1>")
        .append("<h2>Queues</h2><table><tr><th>queue</th><th>ready</th><th>running</th>")
        .append("<th>failed</th><th>oldest wait</th><th></th></tr>");
    List<QueueInfo> queues = jobs.queues();
    for (QueueInfo q : queues) {
      h.append("<tr><td>").append(esc(q.name())).append("</td><td>").append(q.ready());
      h.append("</td><td>").append(q.running()).append("</td><td>").append(q.failed());
      h.append("</td><td>").append(q.oldestReady().toSeconds()).append(" s</td><td>");
      h.append(q.paused() ? "paused" : "").append("</td></tr>");
    }
    if (queues.isEmpty()) h.append("<tr><td colspan=\"6\">no jobs</td></tr>");
    h.append("</table><h2>Failed jobs</h2><table><tr><th>id</th><th>queue</th><th>type</th>");
    h.append("<th>attempts</th><th>error</th><th></th></tr>");
    List<JobInfo> failed = jobs.failed(100);
    for (JobInfo j : failed) {
      h.append("<tr><td>").append(j.id()).append("</td><td>").append(esc(j.queue()));
      h.append("</td><td>").append(esc(j.type())).append("</td><td>").append(j.attempts());
      h.append("</td><td><pre>").append(esc(j.error().orElse(""))).append("</pre></td><td>");
      for (String action : List.of("retry", "discard")) {
        h.append("<form method=\"post\" action=\"")
            .append(esc(path))
            .append("/jobs/")
            .append(j.id())
            .append('/')
            .append(action)
            .append("\"><input type=\"hidden\" name=\"_csrf\" value=\"")
            .append(esc(csrf))
            .append("\"><button>")
            .append(action)
            .append("</button></form>");
      }
      h.append("</td></tr>");
    }
    if (failed.isEmpty()) h.append("<tr><td colspan=\"6\">none</td></tr>");
    return h.append("</table></body></html>").toString();
  }

  private static RenderedBody html(String text) {
    return new RenderedBody() {
      @Override
      public String contentType() {
        return "text/html; charset=UTF-8";
      }

      @Override
      public void writeTo(OutputStream out) throws java.io.IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    };
  }

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }
}
