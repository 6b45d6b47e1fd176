package dev.keel.cli.internal;

import java.util.List;

/**
 * The Kubernetes manifest of one process of a layout: a Deployment running its image with the
 * layout and process set, {@code KEEL_SERVICES_URL_<OTHER>} pointing at every other process's
 * Service (cluster DNS), keel-ops' health endpoints as probes, and a ClusterIP Service in front.
 */
final class K8sManifests {
  private K8sManifests() {}

  /** The port of every process's Service; the container listens on 8080 behind it. */
  static final int SERVICE_PORT = 80;

  static String of(String app, String layout, LayoutRun.Spec process, List<LayoutRun.Spec> all) {
    String name = LayoutPackage.serviceName(app, process.name());
    var env = new StringBuilder();
    variable(env, "KEEL_PROFILE", "prod");
    variable(env, "KEEL_SERVICES_LAYOUT", layout);
    variable(env, "KEEL_SERVICES_PROCESS", process.name());
    variable(env, "KEEL_SERVER_SHUTDOWN_GRACE", "20s");
    variable(env, "KEEL_OPS_HEALTH_DRAIN_DELAY", "5s");
    for (var other : all) {
      if (other.name().equals(process.name())) continue;
      variable(
          env,
          LayoutPackage.urlVariable(other.name()),
          "http://" + LayoutPackage.serviceName(app, other.name()) + ":" + SERVICE_PORT);
    }
    return """
        # Process '%2$s' of layout '%3$s' of %4$s (components: %5$s).
        # kubectl apply -f target/package/%3$s/k8s/ (after pushing the image of target/package/%3$s/%2$s).
        # Add the app's own settings under env (e.g. KEEL_DB_URL from a Secret): the root file
        # system is read-only, only /tmp is writable, so an SQLite file needs a volume.
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: %1$s
          labels:
            app.kubernetes.io/name: %1$s
            app.kubernetes.io/part-of: %4$s
        spec:
          replicas: 1
          selector:
            matchLabels:
              app.kubernetes.io/name: %1$s
          template:
            metadata:
              labels:
                app.kubernetes.io/name: %1$s
                app.kubernetes.io/part-of: %4$s
            spec:
              # keel.server.shutdown-grace (20s) + drain delay (5s) + margin
              terminationGracePeriodSeconds: 35
              securityContext:
                runAsNonRoot: true
                runAsUser: 10001
                fsGroup: 10001
              containers:
                - name: %1$s
                  image: %1$s:latest
                  imagePullPolicy: IfNotPresent
                  ports:
                    - name: http
                      containerPort: %6$d
                  env:
        %7$s          resources:
                    requests:
                      cpu: 250m
                      memory: 384Mi
                    limits:
                      memory: 384Mi
                  startupProbe:
                    httpGet:
                      path: /health/live
                      port: http
                    periodSeconds: 1
                    failureThreshold: 30
                  livenessProbe:
                    httpGet:
                      path: /health/live
                      port: http
                    periodSeconds: 10
                    timeoutSeconds: 2
                    failureThreshold: 3
                  readinessProbe:
                    httpGet:
                      path: /health/ready
                      port: http
                    periodSeconds: 5
                    timeoutSeconds: 3
                    failureThreshold: 1
                  securityContext:
                    allowPrivilegeEscalation: false
                    readOnlyRootFilesystem: true
                    capabilities:
                      drop: ["ALL"]
                  volumeMounts:
                    - name: tmp
                      mountPath: /tmp
              volumes:
                - name: tmp
                  emptyDir: {}
        ---
        apiVersion: v1
        kind: Service
        metadata:
          name: %1$s
          labels:
            app.kubernetes.io/name: %1$s
            app.kubernetes.io/part-of: %4$s
        spec:
          type: ClusterIP
          selector:
            app.kubernetes.io/name: %1$s
          ports:
            - name: http
              port: %8$d
              targetPort: http
              protocol: TCP
        """
        .formatted(
            name,
            process.name(),
            layout,
            app,
            process.components().isEmpty() ? "none" : process.components(),
            LayoutPackage.CONTAINER_PORT,
            env,
            SERVICE_PORT);
  }

  private static void variable(StringBuilder env, String name, String value) {
    env.append("            - name: ").append(name).append('\n');
    env.append("              value: \"").append(value).append("\"\n");
  }
}
