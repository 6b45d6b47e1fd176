package dev.keel.jobs;

import static dev.keel.jobs.JobsTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.core.Config;
import dev.keel.core.Keel;
import dev.keel.db.Database;
import dev.keel.db.Dialect;
import dev.keel.security.MemorySessionStore;
import dev.keel.security.Principal;
import dev.keel.security.Security;
import dev.keel.security.Sessions;
import dev.keel.test.TestClient;
import dev.keel.test.TestResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The jobs page: role-protected, lists failed jobs, retry and discard with the CSRF token. */
class DashboardTest {
  record Mail(String to) {}

  @Test
  void adminsSeeFailedJobsAndRetryOrDiscardThemWithTheCsrfToken() throws Exception {
    try (var db = TestDatabase.create(Dialect.SQLITE)) {
      Sessions sessions = Sessions.builder(new MemorySessionStore()).build();
      Jobs jobs =
          Jobs.create()
              .handle(
                  Mail.class,
                  (job, ctx) -> {
                    throw new IllegalStateException("smtp down <b>" + job.to() + "</b>");
                  })
              .dashboard("/admin/jobs", "admin");
      Keel app =
          Keel.create(
                  Config.builder()
                      .defaults(
                          Map.of(
                              "keel.db.url", db.url,
                              "keel.profile", "test",
                              "keel.jobs.poll-interval", "50ms"))
                      .build())
              .install(Database.create())
              .install(Security.builder().sessions(sessions).build())
              .install(jobs)
              .post(
                  "/login/{role}",
                  ctx -> {
                    var s =
                        sessions.login(ctx, Principal.of("u1").withRoles(ctx.pathParam("role")));
                    return Map.of("csrf", s.csrfToken());
                  });
      try (var client = TestClient.inProcess(app)) {
        assertThat(client.get("/admin/jobs").send().status()).isEqualTo(401); // starts the app
        long id = jobs.enqueue(new Mail("ann"), JobOptions.defaults().maxAttempts(1));
        long other = jobs.enqueue(new Mail("bob"), JobOptions.defaults().maxAttempts(1));
        waitFor(() -> jobs.failed(10).size() == 2);

        TestResponse user = client.post("/login/user").send();
        assertThat(client.get("/admin/jobs").cookie("keel_session", cookie(user)).send().status())
            .isEqualTo(403);

        TestResponse admin = client.post("/login/admin").send();
        String session = cookie(admin);
        String csrf = admin.json().at("/csrf").asString();
        TestResponse page = client.get("/admin/jobs").cookie("keel_session", session).send();
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(page.text())
            .contains("<td>default</td>")
            .contains("smtp down &lt;b&gt;ann&lt;/b&gt;") // escaped, never markup
            .doesNotContain("<b>ann</b>")
            .contains("action=\"/admin/jobs/jobs/" + id + "/retry\"")
            .contains("name=\"_csrf\" value=\"" + csrf + "\"");

        // without the token: refused by keel-security's CSRF check
        var noToken =
            client.post("/admin/jobs/jobs/" + id + "/retry").cookie("keel_session", session);
        assertThat(noToken.form(Map.of()).send().status()).isEqualTo(403);
        assertThat(jobs.failed(10)).hasSize(2);

        TestResponse retried =
            client
                .post("/admin/jobs/jobs/" + id + "/discard")
                .cookie("keel_session", session)
                .form(Map.of("_csrf", csrf))
                .send();
        assertThat(retried.status()).isEqualTo(303);
        assertThat(retried.header("Location")).contains("/admin/jobs");
        assertThat(jobs.failed(10)).extracting(JobInfo::id).containsExactly(other);
        assertThat(
                client
                    .post("/admin/jobs/jobs/" + other + "/retry")
                    .cookie("keel_session", session)
                    .form(Map.of("_csrf", csrf))
                    .send()
                    .status())
            .isEqualTo(303);
        assertThat(
                client
                    .post("/admin/jobs/jobs/" + id + "/retry")
                    .cookie("keel_session", session)
                    .form(Map.of("_csrf", csrf))
                    .send()
                    .json()
                    .at("/type")
                    .asString())
            .isEqualTo("https://keel.dev/problems/job-not-found");
      } finally {
        app.stop();
      }
    }
  }

  @Test
  void theDashboardRefusesToStartWithoutSecurity() throws Exception {
    try (var db = TestDatabase.create(Dialect.SQLITE)) {
      Keel app =
          Keel.create(Config.builder().defaults(Map.of("keel.db.url", db.url)).build())
              .install(Database.create());
      assertThatThrownBy(() -> app.install(Jobs.create().dashboard("/admin/jobs", "admin")))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage(
              "the jobs dashboard at /admin/jobs needs keel-security for its 'admin' role check:"
                  + " add dev.keel:keel-security and install Security before Jobs");
    }
  }

  static String cookie(TestResponse r) {
    String header = r.headers().get("set-cookie").getFirst();
    return header.substring(header.indexOf('=') + 1, header.indexOf(';'));
  }
}
