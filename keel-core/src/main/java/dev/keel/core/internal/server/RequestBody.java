package dev.keel.core.internal.server;

import dev.keel.core.BadRequest;
import dev.keel.core.Form;
import dev.keel.core.ProblemTypes;
import dev.keel.core.UploadedFile;
import dev.keel.core.internal.http.Converters;
import dev.keel.core.internal.http.Exchange;
import dev.keel.core.internal.http.MediaTypes;
import dev.keel.core.internal.http.QueryString;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of one request while it arrives. Ordinary bodies are collected in memory (bounded by
 * {@code keel.server.max-body-size}); multipart bodies are decoded as they arrive, with file parts
 * above {@code keel.server.multipart-memory-threshold} written to temporary files, so an upload
 * never sits in memory whole.
 */
final class RequestBody implements Exchange.FormSource {
  private ByteBuf content; // null until bytes arrive; one chunk as is, a composite from the second
  private final HttpPostRequestDecoder multipart;
  private final HttpRequest request;
  private long received;

  private RequestBody(ByteBuf content, HttpPostRequestDecoder multipart, HttpRequest r) {
    this.content = content;
    this.multipart = multipart;
    this.request = r;
  }

  static RequestBody start(HttpRequest request, ServerContext server) {
    if (HttpPostRequestDecoder.isMultipart(request)) {
      try {
        var factory = new DefaultHttpDataFactory(server.settings().multipartMemoryThreshold());
        return new RequestBody(null, new HttpPostRequestDecoder(factory, request), request);
      } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
        throw new BadRequest(
            ProblemTypes.FORM_MALFORMED, "Malformed multipart request: " + e.getMessage());
      }
    }
    return new RequestBody(null, null, request);
  }

  /** Adds a chunk; returns null, or why the request is rejected. */
  Rejection add(HttpContent part, long max) {
    ByteBuf chunk = part.content();
    received += chunk.readableBytes();
    if (received > max) {
      return RequestChecks.tooLarge(received, max);
    }
    if (multipart != null) {
      try {
        multipart.offer(part); // the decoder copies what it keeps; the caller releases the part
      } catch (HttpPostRequestDecoder.ErrorDataDecoderException e) {
        return new Rejection(
            ProblemTypes.FORM_MALFORMED, "Malformed multipart body: " + e.getMessage());
      }
    } else if (chunk.isReadable()) {
      if (content == null) {
        content = chunk.retain();
      } else if (content instanceof CompositeByteBuf composite) {
        composite.addComponent(true, chunk.retain());
      } else {
        CompositeByteBuf composite = Unpooled.compositeBuffer(1024);
        composite.addComponent(true, content);
        composite.addComponent(true, chunk.retain());
        content = composite;
      }
    }
    return null;
  }

  ByteBuf content() {
    return content == null ? Unpooled.EMPTY_BUFFER : content;
  }

  @Override
  public Form form(Exchange exchange) {
    if (multipart != null) {
      return multipartForm();
    }
    String type = request.headers().get(HttpHeaderNames.CONTENT_TYPE);
    if (!"application/x-www-form-urlencoded".equals(MediaTypes.essence(type))) {
      throw MediaTypes.unsupported(
          "Expected a form body (application/x-www-form-urlencoded or multipart/form-data) but got "
              + (type == null ? "no Content-Type" : "Content-Type: " + type)
              + ".");
    }
    String text = content().toString(StandardCharsets.UTF_8);
    return new SimpleForm(Converters.texts("form field", QueryString.form(text)), Map.of());
  }

  private Form multipartForm() {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    Map<String, List<UploadedFile>> files = new LinkedHashMap<>();
    try {
      for (InterfaceHttpData data : multipart.getBodyHttpDatas()) {
        if (data instanceof FileUpload upload) {
          files.computeIfAbsent(upload.getName(), k -> new ArrayList<>()).add(new Upload(upload));
        } else if (data instanceof Attribute attribute) {
          fields
              .computeIfAbsent(attribute.getName(), k -> new ArrayList<>())
              .add(attribute.getValue());
        }
      }
    } catch (HttpPostRequestDecoder.NotEnoughDataDecoderException e) {
      throw new BadRequest(
          ProblemTypes.FORM_MALFORMED, "The multipart body ended before its closing boundary.");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SimpleForm(Converters.texts("form field", fields), files);
  }

  void release() {
    if (content != null && content.refCnt() > 0) content.release();
    if (multipart != null) multipart.destroy();
  }

  private record SimpleForm(
      Map<String, List<String>> fieldMap, Map<String, List<UploadedFile>> fileMap) implements Form {
    @Override
    public Optional<String> field(String name) {
      return fields(name).stream().findFirst();
    }

    @Override
    public List<String> fields(String name) {
      return List.copyOf(fieldMap.getOrDefault(name, List.of()));
    }

    @Override
    public Optional<UploadedFile> file(String name) {
      return files(name).stream().findFirst();
    }

    @Override
    public List<UploadedFile> files(String name) {
      return List.copyOf(fileMap.getOrDefault(name, List.of()));
    }
  }

  private record Upload(FileUpload data) implements UploadedFile {
    @Override
    public String fieldName() {
      return data.getName();
    }

    @Override
    public String filename() {
      String name = data.getFilename() == null ? "" : data.getFilename();
      int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
      return name.substring(slash + 1);
    }

    @Override
    public String contentType() {
      return data.getContentType() == null ? "application/octet-stream" : data.getContentType();
    }

    @Override
    public long size() {
      return data.length();
    }

    @Override
    public InputStream open() throws IOException {
      if (data.isInMemory()) {
        return new java.io.ByteArrayInputStream(data.get());
      }
      return Files.newInputStream(data.getFile().toPath());
    }

    @Override
    public void saveTo(Path target) throws IOException {
      if (data.isInMemory()) {
        Files.write(target, data.get());
      } else {
        Files.copy(data.getFile().toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }
}
