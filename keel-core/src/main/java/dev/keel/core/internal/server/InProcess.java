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
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs a request through the pipeline without a socket: the same body limits, form decoding,
 * routing, middleware, encoding and error mapping as the network path, and the same threads (a
 * virtual thread per request unless the route is non-blocking); only the wire (parsing, deadlines,
 * connection handling) is skipped.
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
      Rejection error =
          body.add(
              new DefaultLastHttpContent(request.content().retainedDuplicate()),
              settings.maxBodySize());
      if (error != null) {
        return rejected(pipeline, json, request, remote, error.status(), error.detail());
      }
      var exchange =
          new Exchange(
              request, body.content(), remote, request.protocolVersion().text(), json, body::form);
      Pipeline.Target target = pipeline.resolve(exchange);
      Response response =
          target.nonBlocking()
              ? pipeline.run(exchange, target)
              : onVirtualThread(() -> pipeline.run(exchange, target));
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

  /** Runs the chain on a virtual thread of its own, as the network path does, and waits. */
  private static Response onVirtualThread(Callable<Response> work) {
    var task = new FutureTask<>(work);
    Thread.ofVirtual().name("keel-request-in-process").start(task);
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the handler", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Error error) throw error; // run() only lets VM errors through
      throw new IllegalStateException(e.getCause());
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
