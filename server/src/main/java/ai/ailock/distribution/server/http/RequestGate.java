package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.RequestMeta;
import ai.ailock.distribution.engine.identity.Caller;
import ai.ailock.distribution.engine.upload.Sha256Hex;
import ai.ailock.distribution.schemas.RequestSigning;
import ai.ailock.distribution.schemas.SchemaValidator;
import ai.ailock.distribution.schemas.Violation;
import ai.ailock.distribution.schemas.WireJson;
import ai.ailock.distribution.schemas.WireSchema;
import ai.ailock.distribution.server.auth.SignedRequestAuthenticator;
import ai.ailock.distribution.server.auth.SignedRequestAuthenticator.SignedRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The one way into a function: authenticate the caller, and for JSON bodies read them (bounded), check their
 * declared hash, parse and validate them against their schema. Chunk bodies are not read here: their declared
 * hash is what the signature covers, and the engine refuses a body that does not match it.
 */
public final class RequestGate {
  private final SignedRequestAuthenticator authenticator;
  private final SchemaValidator validator;
  private final int maxJsonBytes;

  public RequestGate(SignedRequestAuthenticator authenticator, SchemaValidator validator, int maxJsonBytes) {
    this.authenticator = authenticator;
    this.validator = validator;
    this.maxJsonBytes = maxJsonBytes;
  }

  /** An authenticated JSON request, valid against its schema. */
  public record Json(Caller caller, JsonNode body) {}

  /** Authenticates a request without a body (GET). */
  public Caller authenticate(HttpServletRequest request) {
    return authenticator.authenticate(signed(request, declaredSha256(request)), RequestMetas.of(request));
  }

  /** Authenticates a request whose raw body the caller streams; @return the caller and the declared hash */
  public Caller authenticateStream(HttpServletRequest request) {
    requireContentType(request, "application/octet-stream");
    return authenticator.authenticate(signed(request, declaredSha256(request)), RequestMetas.of(request));
  }

  /** Reads, authenticates, parses and validates a JSON request. */
  public Json json(HttpServletRequest request, WireSchema schema) {
    byte[] body = jsonBody(request);
    Caller caller = authenticator.authenticate(signed(request, verifiedSha256(request, body)), RequestMetas.of(request));
    return new Json(caller, parse(body, schema));
  }

  /** A JSON request whose signature can only be checked once its body names the key (registration). */
  public record SelfSigned(SignedRequest signed, JsonNode body) {}

  /** Reads, parses and validates a JSON request signed by a key that is not registered yet. */
  public SelfSigned selfSignedJson(HttpServletRequest request, WireSchema schema) {
    byte[] body = jsonBody(request);
    return new SelfSigned(signed(request, verifiedSha256(request, body)), parse(body, schema));
  }

  private byte[] jsonBody(HttpServletRequest request) {
    requireContentType(request, "application/json");
    if (request.getContentLengthLong() > maxJsonBytes) {
      throw new DistributionException(ErrorCode.REQUEST_TOO_LARGE, "JSON bodies are limited to " + maxJsonBytes + " bytes");
    }
    try (InputStream in = request.getInputStream()) {
      byte[] body = in.readNBytes(maxJsonBytes + 1);
      if (body.length > maxJsonBytes) {
        throw new DistributionException(ErrorCode.REQUEST_TOO_LARGE, "JSON bodies are limited to " + maxJsonBytes + " bytes");
      }
      return body;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode parse(byte[] body, WireSchema schema) {
    JsonNode node;
    try {
      node = WireJson.mapper().readTree(body);
    } catch (JacksonException e) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST, "the body is not well-formed JSON");
    }
    List<Violation> violations = validator.validate(schema, node);
    if (!violations.isEmpty()) {
      throw new DistributionException(ErrorCode.VALIDATION_FAILED,
          "the body does not match " + schema.fileName(), violations);
    }
    return node;
  }

  private static String verifiedSha256(HttpServletRequest request, byte[] body) {
    String declared = declaredSha256(request);
    if (!declared.equals(Sha256Hex.of(body))) {
      throw new DistributionException(ErrorCode.UNAUTHENTICATED,
          RequestSigning.CONTENT_SHA256_HEADER + " does not match the body");
    }
    return declared;
  }

  private static String declaredSha256(HttpServletRequest request) {
    String declared = request.getHeader(RequestSigning.CONTENT_SHA256_HEADER);
    if (declared == null) {
      return RequestSigning.EMPTY_SHA256;
    }
    if (!RequestSigning.isContentSha256(declared)) {
      throw new DistributionException(ErrorCode.MALFORMED_REQUEST,
          RequestSigning.CONTENT_SHA256_HEADER + " must be 64 lowercase hex digits");
    }
    return declared;
  }

  private static SignedRequest signed(HttpServletRequest request, String contentSha256) {
    String authorization = request.getHeader("Authorization");
    String query = request.getQueryString();
    return new SignedRequest(request.getMethod(), request.getRequestURI(), query == null ? "" : query, contentSha256,
        authorization == null ? "" : authorization);
  }

  private static void requireContentType(HttpServletRequest request, String expected) {
    String type = request.getContentType();
    if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith(expected)) {
      throw new DistributionException(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "the body must be " + expected);
    }
  }
}
