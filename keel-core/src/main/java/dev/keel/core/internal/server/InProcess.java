package dev.keel.core.internal.server;

import dev.keel.core.HttpException;
import dev.keel.core.Problem;
import dev.keel.core.internal.http.Exchange;
import dev.keel.core.internal.http.Pipeline;
import dev.keel.core.internal.http.Response;
import dev.keel.core.internal.json.JsonCodec;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import java.net.InetSocketAddress;

/**
 * Runs a request through the pipeline without a socket: the same body limits, form decoding,
 * routing, middleware, encoding and error mapping as the network path; only the wire (parsing,
 * deadlines, connection handling) is skipped.
 */
public final class InProcess {
  private InProcess() {}

  public static Response handle(
      ServerSettings settings,
      Pipeline pipeline,
      JsonCodec json,
      FullHttpRequest request,
      InetSocketAddress remote) {
    var context = new ServerContext(settings, pipeline, json, null);
    RequestBody body;
    try {
      body = RequestBody.start(request, context);
    } catch (HttpException e) {
      return rejected(pipeline, json, request, remote, e.status(), e.getMessage());
    }
    try {
      String error =
          body.add(
              new DefaultLastHttpContent(request.content().retainedDuplicate()),
              settings.maxBodySize());
      if (error != null) {
        return rejected(
            pipeline,
            json,
            request,
            remote,
            Integer.parseInt(error.substring(0, 3)),
            error.substring(4));
      }
      var exchange =
          new Exchange(
              request, body.content(), remote, request.protocolVersion().text(), json, body::form);
      Response response = pipeline.run(exchange, pipeline.resolve(exchange));
      response.headers().set(HttpHeaderNames.SERVER, "Keel");
      if (request.method().equals(HttpMethod.HEAD) && !response.isStreamed()) {
        long length =
            response.file() != null ? response.file().length() : response.body().readableBytes();
        if (response.body() != null) response.body().release();
        response.headers().set(HttpHeaderNames.CONTENT_LENGTH, length);
        return Response.full(response.status(), response.headers(), Unpooled.EMPTY_BUFFER);
      }
      return response;
    } finally {
      body.release();
    }
  }

  private static Response rejected(
      Pipeline pipeline,
      JsonCodec json,
      FullHttpRequest request,
      InetSocketAddress remote,
      int status,
      String detail) {
    var exchange =
        new Exchange(
            request,
            Unpooled.EMPTY_BUFFER,
            remote,
            request.protocolVersion().text(),
            json,
            e -> {
              throw new IllegalStateException("no form");
            });
    return pipeline.problem(exchange, Problem.of(status, detail));
  }
}
