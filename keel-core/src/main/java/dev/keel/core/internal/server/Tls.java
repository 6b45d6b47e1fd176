package dev.keel.core.internal.server;

import dev.keel.core.ConfigException;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.net.ssl.SSLException;

/** TLS from PEM files ({@code keel.server.tls.cert} and {@code keel.server.tls.key}), with ALPN. */
final class Tls {
  private Tls() {}

  static SslContext context(ServerSettings s) {
    Path cert = s.tlsCert().orElseThrow();
    Path key =
        s.tlsKey()
            .orElseThrow(
                () ->
                    new ConfigException(
                        ConfigException.INVALID_VALUE,
                        List.of(
                            "keel.server.tls.cert is set but keel.server.tls.key is not: set both to PEM"
                                + " files (a certificate chain and its PKCS#8 private key)")));
    for (Path p : List.of(cert, key)) {
      if (!Files.isReadable(p)) {
        throw new ConfigException(
            ConfigException.INVALID_VALUE,
            List.of(
                "TLS file "
                    + p.toAbsolutePath()
                    + " does not exist or cannot be read; check"
                    + " keel.server.tls.cert and keel.server.tls.key"));
      }
    }
    try {
      return SslContextBuilder.forServer(cert.toFile(), key.toFile())
          .sslProvider(SslProvider.JDK)
          .ciphers(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE)
          .applicationProtocolConfig(
              new ApplicationProtocolConfig(
                  ApplicationProtocolConfig.Protocol.ALPN,
                  ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                  ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
                  ApplicationProtocolNames.HTTP_2,
                  ApplicationProtocolNames.HTTP_1_1))
          .build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new ConfigException(
          ConfigException.INVALID_VALUE,
          List.of(
              "TLS files "
                  + cert
                  + " and "
                  + key
                  + " could not be loaded: "
                  + e.getMessage()
                  + ". Expected a PEM certificate chain and an unencrypted PKCS#8 PEM private key"));
    }
  }
}
