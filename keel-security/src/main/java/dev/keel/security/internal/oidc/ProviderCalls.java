package dev.keel.security.internal.oidc;

import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/** Calls to the provider's token endpoint as this app's client. */
public final class ProviderCalls {
  private ProviderCalls() {}

  /** What the token endpoint answered: tokens, or the OAuth error it named. */
  public sealed interface Answer {}

  /** Success (an {@code OIDCTokenResponse} when an ID token came with it). */
  public record Tokens(com.nimbusds.oauth2.sdk.AccessTokenResponse response) implements Answer {}

  /** An OAuth error such as {@code invalid_grant}. */
  public record Refused(ErrorObject error) implements Answer {
    /** {@code code (description)}, for logs and problem details. */
    public String describe() {
      String d = error.getDescription();
      return (error.getCode() == null ? "error" : error.getCode())
          + (d == null || d.isBlank() ? "" : " (" + d + ")");
    }
  }

  /**
   * Sends {@code grant} to the token endpoint, authenticated with client_secret_basic (or as a
   * public client without a secret).
   *
   * @throws ProviderUnavailable when the provider cannot be reached or its answer not read
   */
  public static Answer token(
      OidcProvider provider,
      OidcSettings settings,
      AuthorizationGrant grant,
      Scope scope,
      List<URI> resources) {
    URI endpoint = provider.metadata().getTokenEndpointURI();
    ClientID client = new ClientID(settings.clientId());
    TokenRequest.Builder builder =
        settings.clientSecret().isPresent()
            ? new TokenRequest.Builder(
                endpoint,
                new ClientSecretBasic(client, new Secret(settings.clientSecret().get())),
                grant)
            : new TokenRequest.Builder(endpoint, client, grant);
    if (scope != null) builder.scope(scope);
    if (!resources.isEmpty()) builder.resources(resources.toArray(URI[]::new));
    TokenRequest request = builder.build();
    HTTPResponse http;
    try {
      http = provider.timed(request.toHTTPRequest()).send();
    } catch (IOException e) {
      throw new ProviderUnavailable("the token endpoint " + endpoint + " failed: " + e, e);
    }
    TokenResponse response;
    try {
      response = OIDCTokenResponseParser.parse(http);
    } catch (ParseException e) {
      throw new ProviderUnavailable(
          "the token endpoint " + endpoint + " answered " + http.getStatusCode() + ": " + e, e);
    }
    return response.indicatesSuccess()
        ? new Tokens(response.toSuccessResponse())
        : new Refused(response.toErrorResponse().getErrorObject());
  }
}
