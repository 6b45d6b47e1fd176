package dev.keel.ai.embed.internal;

import dev.keel.ai.embed.Embedder;
import dev.keel.ai.embed.EmbedderSettings;
import dev.keel.ai.vector.VectorProblems;
import dev.keel.core.HttpException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OpenAI-compatible {@code POST {base}/embeddings}: {@code {"model", "input": [..]}} in, {@code
 * {"data": [{"index", "embedding"}]}} out. Failures become {@code embedding-failed} problems that
 * name the endpoint and what it said, never the key.
 */
public final class OpenAiEmbedder implements Embedder {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final EmbedderSettings settings;
  private final URI endpoint;
  private final HttpClient http;
  private volatile int dimension;

  public OpenAiEmbedder(EmbedderSettings settings) {
    this.settings = settings;
    String base = settings.baseUrl().toString();
    this.endpoint = URI.create((base.endsWith("/") ? base : base + "/") + "embeddings");
    this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    this.dimension = settings.dimensions();
  }

  /** The configured dimension, or the length of the first vector the endpoint returned. */
  @Override
  public int dimension() {
    if (dimension == 0) dimension = embed("dimension probe").length;
    return dimension;
  }

  @Override
  public float[] embed(String text) {
    return request(List.of(text)).getFirst();
  }

  @Override
  public List<float[]> embedAll(List<String> texts) {
    List<float[]> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i += settings.batchSize()) {
      out.addAll(request(texts.subList(i, Math.min(texts.size(), i + settings.batchSize()))));
    }
    return out;
  }

  private List<float[]> request(List<String> texts) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("model", settings.model());
    body.put("input", texts);
    body.put("encoding_format", "float");
    if (settings.dimensions() > 0) body.put("dimensions", settings.dimensions());
    HttpRequest.Builder req =
        HttpRequest.newBuilder(endpoint)
            .timeout(settings.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    settings.apiKey().ifPresent(k -> req.header("Authorization", "Bearer " + k));
    HttpResponse<String> res;
    try {
      res = http.send(req.build(), HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw failed("did not answer within " + settings.timeout().toMillis() + " ms");
    } catch (IOException e) {
      throw failed(
          "cannot be reached (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw failed("the call was interrupted");
    }
    if (res.statusCode() != 200) {
      throw failed("answered " + res.statusCode() + ": " + errorMessage(res.body()));
    }
    return vectors(res.body(), texts.size());
  }

  private List<float[]> vectors(String body, int expected) {
    try {
      JsonNode data = JSON.readTree(body).path("data");
      if (!data.isArray() || data.size() != expected) {
        throw failed("returned " + data.size() + " embeddings for " + expected + " inputs");
      }
      float[][] out = new float[expected][];
      for (JsonNode item : data) {
        int index = item.path("index").asInt(-1);
        JsonNode e = item.path("embedding");
        if (index < 0 || index >= expected || !e.isArray() || e.isEmpty()) {
          throw failed("returned an item without a valid index and embedding array");
        }
        float[] v = new float[e.size()];
        for (int i = 0; i < v.length; i++) v[i] = (float) e.get(i).asDouble();
        if (settings.dimensions() > 0 && v.length != settings.dimensions()) {
          throw failed(
              "returned "
                  + v.length
                  + " dimensions, keel.ai.embeddings.dimensions says "
                  + settings.dimensions());
        }
        out[index] = v;
      }
      return List.of(out);
    } catch (JacksonException e) {
      throw failed("answered with JSON that is not an embeddings response");
    }
  }

  private static String errorMessage(String body) {
    try {
      JsonNode n = JSON.readTree(body).path("error");
      if (n.isObject()) return n.path("message").asString("");
      if (n.isString()) return n.asString();
    } catch (JacksonException e) {
      // not JSON: show its start below
    }
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  private HttpException failed(String what) {
    return new HttpException(
        VectorProblems.EMBEDDING_FAILED,
        "the embedding endpoint "
            + endpoint
            + " (model "
            + settings.model()
            + ") "
            + what
            + "; check keel.ai.embeddings.base-url, keel.ai.embeddings.model and keel.ai.embeddings.api-key");
  }
}
