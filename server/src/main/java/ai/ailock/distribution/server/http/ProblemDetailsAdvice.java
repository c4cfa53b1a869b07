package ai.ailock.distribution.server.http;

import ai.ailock.distribution.engine.DistributionException;
import ai.ailock.distribution.engine.ErrorCode;
import ai.ailock.distribution.engine.blob.BlobStoreException;
import ai.ailock.distribution.engine.payment.PaymentGatewayException;
import ai.ailock.distribution.schemas.RequestSigning;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every failure into RFC 9457 {@code application/problem+json} with a stable {@code code} and the request
 * id. Refusals carry their detail; unexpected failures carry none (no stack trace, no message, no secret): they
 * are logged with the request id instead.
 */
@RestControllerAdvice
class ProblemDetailsAdvice {
  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
  static final String TYPE_PREFIX = "urn:ailock:distribution:problem:";
  private static final String RETRY_AFTER_SECONDS = "retry_after_seconds";

  @ExceptionHandler(DistributionException.class)
  ResponseEntity<ProblemDetail> refused(DistributionException e, HttpServletRequest request) {
    ProblemDetail problem = problem(e.code(), e.getMessage(), request);
    if (!e.violations().isEmpty()) {
      problem.setProperty("violations", e.violations());
    }
    if (!e.missingInputs().isEmpty()) {
      problem.setProperty("missing_inputs", e.missingInputs());
    }
    e.retryAfter().ifPresent(wait -> problem.setProperty(RETRY_AFTER_SECONDS, wait.toSeconds()));
    return respond(problem);
  }

  @ExceptionHandler(BlobStoreException.class)
  ResponseEntity<ProblemDetail> storageFailed(BlobStoreException e, HttpServletRequest request) {
    log.error("blob store failure", e);
    return respond(problem(ErrorCode.STORAGE_UNAVAILABLE, "storage is unavailable; retry later", request));
  }

  @ExceptionHandler(PaymentGatewayException.class)
  ResponseEntity<ProblemDetail> paymentProviderFailed(PaymentGatewayException e, HttpServletRequest request) {
    log.error("payment provider failure", e);
    return respond(problem(ErrorCode.PAYMENT_PROVIDER_UNAVAILABLE, "the payment provider is unavailable; retry later",
        request));
  }

  @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class})
  ResponseEntity<ProblemDetail> badParameter(Exception e, HttpServletRequest request) {
    String name = e instanceof MissingServletRequestParameterException missing ? missing.getParameterName()
        : ((MethodArgumentTypeMismatchException) e).getName();
    return respond(problem(ErrorCode.MALFORMED_REQUEST, "query parameter '" + name + "' is missing or malformed", request));
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    return respond(problem(ErrorCode.METHOD_NOT_ALLOWED, "use " + String.join(" or ", e.getSupportedMethods() == null
        ? new String[0] : e.getSupportedMethods()), request));
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ProblemDetail> wrongMediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return respond(problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE, "unsupported content type", request));
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<ProblemDetail> noSuchFunction(Exception e, HttpServletRequest request) {
    return respond(problem(ErrorCode.NOT_FOUND, "no such function", request));
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
    log.error("unexpected failure", e);
    return respond(problem(ErrorCode.INTERNAL_ERROR, "an internal error occurred", request));
  }

  static ProblemDetail problem(ErrorCode code, String detail, HttpServletRequest request) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(code.httpStatus()), detail);
    problem.setType(URI.create(TYPE_PREFIX + code.wire()));
    problem.setTitle(code.wire().replace('_', ' '));
    problem.setProperty("code", code.wire());
    Object requestId = request.getAttribute(RequestIdFilter.ATTRIBUTE);
    if (requestId != null) {
      problem.setProperty("request_id", requestId.toString());
    }
    return problem;
  }

  private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
    var response = ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (problem.getStatus() == 401) {
      response.header("WWW-Authenticate", RequestSigning.SCHEME); // RFC 9110 §11.6.1: name the scheme to use
    }
    if (problem.getProperties() != null && problem.getProperties().get(RETRY_AFTER_SECONDS) instanceof Long seconds) {
      response.header(HttpHeaders.RETRY_AFTER, seconds.toString()); // RFC 6585 §4: 429 may say when to come back
    }
    return response.body(problem);
  }
}
