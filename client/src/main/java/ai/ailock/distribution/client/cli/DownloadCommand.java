package ai.ailock.distribution.client.cli;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.client.keystore.ProductKeyring;
import ai.ailock.distribution.client.transfer.DownloadRequest;
import ai.ailock.distribution.client.transfer.DownloadResult;
import ai.ailock.distribution.client.transfer.Downloader;
import ai.ailock.distribution.client.transfer.OwnerContentSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.InvalidKeyException;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ailock download PRODUCT_ID}: reads back a product this Ailock uploaded (owner path); {@code ailock download
 * --transfer TRANSFER_ID}: the buyer downloads a delivered transfer through a claim (see {@link RecipientDownload}).
 * Either way the manifest's signature, every chunk and the plaintext hash are verified before the file appears.
 */
@Command(name = "download", description = {"Download and decrypt a product you uploaded (owner path), or with "
    + "--transfer one delivered to you (claims a download session and signs a receipt)."})
final class DownloadCommand implements Callable<Integer> {
  @ParentCommand AilockCli cli;
  @Spec CommandSpec spec;
  @Mixin TransferFlags flags;

  @Parameters(index = "0", paramLabel = "PRODUCT_ID", arity = "0..1")
  @org.jspecify.annotations.Nullable String productId;

  @Option(names = "--transfer", paramLabel = "TRANSFER_ID", description = "Download a transfer delivered to you.")
  @org.jspecify.annotations.Nullable String transferId;

  @Option(names = "--ack", description = "With --transfer: send the signed receipt at once (else 'ailock ack').")
  boolean ack;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
      description = "Directory to write the file into (default: the current one).")
  Path out;

  @Option(names = "--overwrite", description = "Replace an existing file of the same name.")
  boolean overwrite;

  @Override
  public Integer call() throws Exception {
    if ((productId == null) == (transferId == null)) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), "give PRODUCT_ID or --transfer TRANSFER_ID");
    }
    if (transferId != null) {
      return RecipientDownload.run(cli.workspace(), spec, flags, transferId, out, overwrite, ack);
    }
    String productId = this.productId;
    Workspace workspace = cli.workspace();
    AilockKeys keys = workspace.keys();
    ProductKeyring keyring = workspace.keyring(keys);
    var source = new OwnerContentSource(workspace.http(keys), productId);
    byte[] signer = keys.signing().publicKey();
    Optional<String> ailockId = workspace.registeredAilockId(keys.keyId());
    if (ailockId.isPresent()) { // the product may have been signed by a key this Ailock has since retired
      signer = new HttpIdentities(workspace.http(keys)).signerOf(ailockId.get(), source.manifest()).ed25519PublicKey();
    }
    var request = new DownloadRequest(productId, signer,
        (product, version) -> keyring.inputKey(product, version).orElseThrow(() -> new InvalidKeyException(
            "no key for product " + product + " v" + version + " in this Ailock's keyring")),
        out, overwrite);
    var progress = ProgressBar.create(spec.commandLine().getErr(), flags.progress);
    long started = System.nanoTime();
    DownloadResult result = new Downloader(flags.options())
        .download(source, request, progress);
    double seconds = (System.nanoTime() - started) / 1e9;
    PrintWriter printer = spec.commandLine().getOut();
    printer.println("File:        " + result.file() + " (" + result.metadata().contentType() + ")");
    printer.println("Plaintext:   " + result.metadata().plaintextLength() + " bytes, SHA-256 "
        + result.clientHash() + " (verified)");
    printer.println("Manifest:    SHA-256 " + result.manifestSha256() + ", signed by " + result.manifest().sellerKeyId());
    printer.println(String.format(Locale.ROOT, "Took %.1f s (%.1f MB/s)", seconds,
        result.metadata().plaintextLength() / seconds / 1e6));
    return 0;
  }
}
