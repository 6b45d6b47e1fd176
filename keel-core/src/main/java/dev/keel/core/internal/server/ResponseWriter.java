package dev.keel.core.internal.server;

import dev.keel.core.internal.http.Exchange;
import dev.keel.core.internal.http.FileBody;
import dev.keel.core.internal.http.Response;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.AsciiString;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns {@link Response}s into Netty messages with the headers every response carries. */
final class ResponseWriter {
  private static final Logger log = LoggerFactory.getLogger(ResponseWriter.class);
  private static final AsciiString SERVER = AsciiString.cached("Keel");
  private static final int CHUNK = 8192;
  // Content-Length values of small bodies, made once: formatting a long per response was a fifth of
  // the bytes a plaintext request allocated (ADR 0033).
  private static final AsciiString[] LENGTHS = new AsciiString[4096];

  static {
    for (int i = 0; i < LENGTHS.length; i++) LENGTHS[i] = AsciiString.cached(Integer.toString(i));
  }

  private ResponseWriter() {}

  static FullHttpResponse full(
      Response r,
      HttpVersion version,
      boolean keepAlive,
      boolean head,
      boolean stream,
      ServerContext s) {
    ByteBuf body = r.body() == null ? Unpooled.EMPTY_BUFFER : r.body();
    long length = r.file() != null ? r.file().length() : body.readableBytes();
    if (head) {
      body.release();
      body = Unpooled.EMPTY_BUFFER;
    }
    HttpHeaders h = r.headers();
    common(h, s);
    if (r.status() != 204 && r.status() != 304 && !r.isStreamed()) { // a stream's length is unknown
      h.set(HttpHeaderNames.CONTENT_LENGTH, length(length)); // RFC 9110 8.6: never on 204
    }
    if (!stream) connection(h, version, keepAlive);
    return new DefaultFullHttpResponse(
        HttpVersion.HTTP_1_1,
        HttpResponseStatus.valueOf(r.status()),
        body,
        h,
        EmptyHttpHeaders.INSTANCE);
  }

  /**
   * Writes a streamed response from the handler's virtual thread, blocking while the client is slow
   * so memory stays bounded. Returns false when the stream failed and the connection must close
   * (the status line is gone, so no error response is possible any more).
   */
  static boolean stream(
      ChannelHandlerContext ctx,
      Exchange ex,
      Response r,
      HttpVersion version,
      boolean keepAlive,
      ServerContext s) {
    HttpHeaders h = r.headers();
    common(h, s);
    boolean http10 = version.equals(HttpVersion.HTTP_1_0);
    if (http10) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE); // no chunking: close ends the body
    } else {
      h.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
      connection(h, version, keepAlive);
    }
    HttpResponse head =
        new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()), h);
    ctx.writeAndFlush(head);
    try (var out = new ChunkedOutput(ctx)) {
      r.stream().writeTo(out);
    } catch (IOException | RuntimeException e) {
      if (clientGone(ctx, e)) {
        // a client closing an event stream or a download is normal, not an error of the app
        log.debug(
            "The client of {} {} went away while its response streamed (request id {}): {}",
            ex.method(),
            ex.path(),
            ex.requestId(),
            e.toString());
      } else {
        log.warn(
            "Streaming the response of {} {} failed after it started; closing the connection (request id {})",
            ex.method(),
            ex.path(),
            ex.requestId(),
            e);
      }
      ctx.close();
      return false;
    }
    return !http10;
  }

  /**
   * Sends a file region from the handler's virtual thread: zero-copy ({@code sendfile}) on a
   * cleartext HTTP/1.1 connection, copied in chunks over TLS and HTTP/2.
   */
  static boolean file(
      ChannelHandlerContext ctx,
      Exchange ex,
      Response r,
      HttpVersion version,
      boolean keepAlive,
      boolean stream,
      ServerContext s) {
    FileBody f = r.file();
    HttpHeaders h = r.headers();
    common(h, s);
    h.set(HttpHeaderNames.CONTENT_LENGTH, length(f.length()));
    if (!stream) connection(h, version, keepAlive);
    ctx.write(
        new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()), h));
    try {
      if (!stream && ctx.pipeline().get(SslHandler.class) == null) {
        ctx.write(new DefaultFileRegion(f.path().toFile(), f.offset(), f.length()));
        ChannelFuture done = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
        done.awaitUninterruptibly();
        if (!done.isSuccess()) throw new ClientGone("the client went away", done.cause());
      } else {
        try (var out = new ChunkedOutput(ctx);
            var channel = FileChannel.open(f.path(), StandardOpenOption.READ)) {
          var buffer = ByteBuffer.allocate(CHUNK);
          long position = f.offset();
          long end = f.offset() + f.length();
          while (position < end) {
            buffer.clear().limit((int) Math.min(CHUNK, end - position));
            int n = channel.read(buffer, position);
            if (n < 0) throw new IOException("file " + f.path() + " shrank while being sent");
            out.write(buffer.array(), 0, n);
            position += n;
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      if (clientGone(ctx, e)) {
        log.debug(
            "The client of {} {} went away while file {} was sent: {}",
            ex.method(),
            ex.path(),
            f.path(),
            e.toString());
        ctx.close();
        return false;
      }
      log.warn(
          "Sending file {} for {} {} failed after it started; closing the connection",
          f.path(),
          ex.method(),
          ex.path(),
          e);
      ctx.close();
      return false;
    }
    return true;
  }

  /**
   * Whether {@code e} only says that the client closed the connection: the channel is gone, or the
   * failure (perhaps wrapped by the handler) is {@link ClientGone}.
   */
  private static boolean clientGone(ChannelHandlerContext ctx, Throwable e) {
    if (!ctx.channel().isActive()) return true;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClientGone) return true;
    }
    return false;
  }

  /** The stream's write failed because the client closed the connection. */
  private static final class ClientGone extends IOException {
    private static final long serialVersionUID = 1L;

    ClientGone(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static CharSequence length(long length) {
    return length < LENGTHS.length ? LENGTHS[(int) length] : Long.toString(length);
  }

  private static void common(HttpHeaders h, ServerContext s) {
    h.set(HttpHeaderNames.SERVER, SERVER);
    h.set(HttpHeaderNames.DATE, s.date());
  }

  private static void connection(HttpHeaders h, HttpVersion version, boolean keepAlive) {
    if (!keepAlive) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
    } else if (version.equals(HttpVersion.HTTP_1_0)) {
      h.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
    }
  }

  /** An output stream that sends chunks of up to 8 KiB and waits while the channel is full. */
  private static final class ChunkedOutput extends OutputStream {
    private final ChannelHandlerContext ctx;
    private ByteBuf buffer;
    private boolean closed;

    ChunkedOutput(ChannelHandlerContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public void write(int b) throws IOException {
      ensure().writeByte(b);
      if (buffer.readableBytes() >= CHUNK) flush();
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        int n = Math.min(len, CHUNK - ensure().readableBytes());
        buffer.writeBytes(b, off, n);
        off += n;
        len -= n;
        if (buffer.readableBytes() >= CHUNK) flush();
      }
    }

    private ByteBuf ensure() throws IOException {
      if (closed) throw new IOException("stream closed");
      if (buffer == null) buffer = ctx.alloc().buffer(CHUNK);
      return buffer;
    }

    @Override
    public void flush() throws IOException {
      if (buffer == null || !buffer.isReadable()) return;
      ByteBuf chunk = buffer;
      buffer = null;
      send(ctx.writeAndFlush(new DefaultHttpContent(chunk)));
    }

    private void send(ChannelFuture f) throws IOException {
      if (!ctx.channel().isWritable() || f.isDone()) {
        f.awaitUninterruptibly(); // parks the virtual thread until the client catches up
        if (!f.isSuccess()) throw new ClientGone("the client went away", f.cause());
      }
      if (!ctx.channel().isActive()) throw new ClientGone("the client closed the connection", null);
    }

    @Override
    public void close() throws IOException {
      if (closed) return;
      flush();
      closed = true;
      ChannelFuture f = ctx.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
      f.awaitUninterruptibly();
      if (!f.isSuccess()) throw new ClientGone("the client went away", f.cause());
    }
  }
}
