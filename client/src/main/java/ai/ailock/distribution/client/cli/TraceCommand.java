package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.client.personalize.LeakTrace;
import ai.ailock.distribution.client.personalize.License;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code ailock trace FILE}: reads the license and watermarks of a (leaked) personalized copy, verifies the license
 * against its seller's registered key, and, for the seller who made the copy, asks the service which purchase the
 * fingerprint belongs to ({@code transfers-copy-trace}). Exit code 5 when a license is found but does not verify or
 * the entries carry mixed fingerprints (a spliced archive), 3 when nothing identifies the file.
 */
@Command(name = "trace", description = {"Find the purchase a personalized copy was made for, from its license and "
    + "watermarks (seller)."})
final class TraceCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE") Path file;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Optional<LeakTrace.Trace> found = LeakTrace.read(file);
    if (found.isEmpty()) {
      out.println("No license or watermark found in " + file);
      return 3;
    }
    LeakTrace.Trace trace = found.get();
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    SignedHttp http = workspace.http(keys);
    out.println("Watermarks:  " + (trace.fingerprints().isEmpty() ? "none" : String.join(", ", trace.fingerprints())));
    License license = trace.license();
    boolean verified = true;
    if (license != null) {
      byte[] sellerKey = new HttpIdentities(http).lookupKey(license.seller(), license.sellerKeyId()).ed25519PublicKey();
      verified = trace.verifiedBy(sellerKey);
      out.println("License:     " + license.licenseId() + " (found in " + trace.foundIn().name().toLowerCase(
          java.util.Locale.ROOT) + "), " + (verified ? "signature verified" : "DOES NOT VERIFY"));
      out.println("Licensed to: " + license.buyer() + ", transfer " + license.transferId() + ", paid "
          + license.purchasedAt() + (license.paymentRef().isEmpty() ? "" : " (" + license.paymentRef() + ")"));
    }
    String fingerprint = license != null ? license.fingerprint() : trace.fingerprints().iterator().next();
    try {
      JsonNode copy = http.getJson("transfers-copy-trace", Map.of("license_fingerprint", fingerprint));
      JsonNode transfer = copy.path("transfer");
      out.println("Purchase:    transfer " + copy.path("transfer_id").asString() + " of product "
          + copy.path("source_product_id").asString() + " by " + transfer.path("recipient").asString() + ", now "
          + transfer.path("state").asString());
    } catch (DistributionApiException e) {
      if (e.status() != 404) {
        throw e;
      }
      out.println("Purchase:    not one of your copies (only the seller who made a copy can look it up)");
    }
    return verified ? 0 : 5;
  }
}
