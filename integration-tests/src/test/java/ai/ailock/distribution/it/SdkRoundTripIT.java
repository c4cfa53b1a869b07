package ai.ailock.distribution.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.ailock.distribution.client.AilockKeys;
import ai.ailock.distribution.client.http.DistributionApiException;
import ai.ailock.distribution.client.http.SignedHttp;
import ai.ailock.distribution.client.identity.HttpIdentities;
import ai.ailock.distribution.client.identity.PublicIdentity;
import ai.ailock.distribution.client.keystore.ProductKeyring;
import ai.ailock.distribution.client.manifest.Manifest;
import ai.ailock.distribution.client.manifest.ManifestParser;
import ai.ailock.distribution.client.transfer.DownloadRequest;
import ai.ailock.distribution.client.transfer.DownloadResult;
import ai.ailock.distribution.client.transfer.Downloader;
import ai.ailock.distribution.client.transfer.HttpUploadService;
import ai.ailock.distribution.client.transfer.OwnerContentSource;
import ai.ailock.distribution.client.transfer.ProductDraft;
import ai.ailock.distribution.client.transfer.TransferListener;
import ai.ailock.distribution.client.transfer.TransferOptions;
import ai.ailock.distribution.client.transfer.UploadResult;
import ai.ailock.distribution.client.transfer.UploadSessionInfo;
import ai.ailock.distribution.client.transfer.Uploader;
import java.nio.file.Path;
import java.security.SignatureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SDK against the real service: register, upload a multi-chunk file, read it back as its owner. */
class SdkRoundTripIT extends SdkServerSupport {
  static final int CHUNK = 64 * 1024;

  @TempDir Path dir;

  @Test
  void uploadsAMultiChunkFileAndDownloadsItBackVerified() throws Exception {
    SignedHttp seller = registeredAilock();
    AilockKeys keys = seller.keys();
    var keyring = new ProductKeyring(dir.resolve("keys"), keys);
    Path file = generate(dir.resolve("album.zip"), 3 * 1024 * 1024 + 12345, 1);
    var options = TransferOptions.defaults().withChunkSize(CHUNK);

    UploadResult uploaded = new Uploader(new HttpUploadService(seller), keys, keyring, options)
        .upload(file, new ProductDraft("Album", "application/zip", null), dir.resolve("state.json"),
            TransferListener.NONE);

    assertThat(uploaded.chunksSent()).isEqualTo(49);
    assertThat(uploaded.completed().status()).isEqualTo("ready");
    assertThat(uploaded.completed().manifestSha256()).isEqualTo(uploaded.manifestSha256());
    UploadSessionInfo session = new HttpUploadService(seller).uploadStatus(uploaded.uploadId());
    assertThat(session.state()).isEqualTo("completed");
    assertThat(session.chunkSize()).isEqualTo(CHUNK);

    DownloadResult downloaded = new Downloader(options).download(new OwnerContentSource(seller, uploaded.productId()),
        new DownloadRequest(uploaded.productId(), keys.signing().publicKey(),
            (product, version) -> keyring.inputKey(product, version).orElseThrow(), dir.resolve("out"), false),
        TransferListener.NONE);

    assertThat(downloaded.file()).hasFileName("album.zip").hasSameBinaryContentAs(file);
    assertThat(downloaded.clientHash()).isEqualTo(sha256(file)).isEqualTo(uploaded.plaintextSha256());
    assertThat(downloaded.metadata().contentType()).isEqualTo("application/zip");
    assertThat(downloaded.manifestSha256()).isEqualTo(uploaded.completed().manifestSha256());
  }

  @Test
  void verifiesTheStoredManifestWithTheKeyTheServicePublishes() throws Exception {
    SignedHttp seller = registeredAilock();
    var keyring = new ProductKeyring(dir.resolve("keys"), seller.keys());
    Path file = generate(dir.resolve("small.bin"), 100_000, 2);
    UploadResult uploaded = new Uploader(new HttpUploadService(seller), seller.keys(), keyring,
        TransferOptions.defaults()).upload(file, new ProductDraft("Small", "application/octet-stream", null),
        dir.resolve("state.json"), TransferListener.NONE);
    String sellerId = new HttpIdentities(seller).register(seller.keys()).ailockId(); // idempotent

    PublicIdentity published = new HttpIdentities(registeredAilock()).lookup(sellerId);
    Manifest manifest = ManifestParser.parse(new OwnerContentSource(seller, uploaded.productId()).manifest());

    published.verifyBinding();
    manifest.verify(published.ed25519PublicKey());
    assertThat(manifest.sha256()).isEqualTo(uploaded.manifestSha256());
    assertThatThrownBy(() -> manifest.verify(AilockKeys.generate().signing().publicKey()))
        .isInstanceOf(SignatureException.class);
  }

  @Test
  void continuesAChunkFromAnOffsetWithARangeRequest() throws Exception {
    SignedHttp seller = registeredAilock();
    UploadResult uploaded = new Uploader(new HttpUploadService(seller), seller.keys(),
        new ProductKeyring(dir.resolve("keys"), seller.keys()), TransferOptions.defaults().withChunkSize(CHUNK))
        .upload(generate(dir.resolve("r.bin"), 200_000, 4), new ProductDraft("R", "application/octet-stream", null),
            dir.resolve("state.json"), TransferListener.NONE);
    var source = new OwnerContentSource(seller, uploaded.productId());

    byte[] whole;
    byte[] tail;
    try (var in = source.chunk(1, 0)) {
      whole = in.readAllBytes();
    }
    try (var in = source.chunk(1, 40_000)) {
      tail = in.readAllBytes();
    }

    assertThat(whole).hasSize(CHUNK);
    assertThat(tail).isEqualTo(java.util.Arrays.copyOfRange(whole, 40_000, CHUNK));
  }

  @Test
  void anotherAilockCannotReadTheProduct() throws Exception {
    SignedHttp seller = registeredAilock();
    UploadResult uploaded = new Uploader(new HttpUploadService(seller), seller.keys(),
        new ProductKeyring(dir.resolve("keys"), seller.keys()), TransferOptions.defaults())
        .upload(generate(dir.resolve("f.bin"), 1000, 3), new ProductDraft("F", "application/octet-stream", null),
            dir.resolve("state.json"), TransferListener.NONE);

    assertThatThrownBy(() -> new OwnerContentSource(registeredAilock(), uploaded.productId()).manifest())
        .isInstanceOfSatisfying(DistributionApiException.class,
            e -> assertThat(e.code()).isEqualTo("product_not_found"));
  }
}
