package ai.ailock.distribution.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The nginx loopback peer of {@code shared/peers/nginx}: GET serves a file, PUT stores the body (WebDAV). */
final class Nginx implements LoopbackBaseline {
  private static final String CONFIG = """
      user www-data;
      worker_processes 1;
      pid @ROOT@/nginx.pid;
      error_log @ROOT@/error.log warn;
      events { worker_connections 64; }
      http {
        access_log off;
        sendfile on;
        tcp_nopush on;
        client_body_temp_path @ROOT@/tmp;
        server {
          listen 127.0.0.1:@PORT@;
          root @ROOT@/www;
          location /dav/ {
            root @ROOT@;
            dav_methods PUT DELETE;
            create_full_put_path on;
            client_max_body_size 300m;
            client_body_buffer_size 1m;
          }
        }
      }
      """;

  private final Path root;
  private final int port;

  private Nginx(Path root, int port) {
    this.root = root;
    this.port = port;
  }

  static boolean available() {
    return Files.isExecutable(Path.of("/usr/sbin/nginx"));
  }

  static Nginx start(Path work, Path file) throws IOException, InterruptedException {
    Path root = work.resolve("nginx").toAbsolutePath();
    for (String dir : new String[] {"www", "dav", "tmp"}) {
      Files.createDirectories(root.resolve(dir));
    }
    Files.createLink(root.resolve("www/product.bin"), file);
    int port;
    try (var socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Files.writeString(root.resolve("nginx.conf"),
        CONFIG.replace("@ROOT@", root.toString()).replace("@PORT@", Integer.toString(port)));
    run("chown", "-R", "www-data", root.toString());
    run("chmod", "755", root.toString(), work.toAbsolutePath().toString());
    run("/usr/sbin/nginx", "-p", root.toString(), "-c", root.resolve("nginx.conf").toString());
    return new Nginx(root, port);
  }

  @Override
  public String name() {
    return "nginx (shared/peers/nginx)";
  }

  @Override
  public String putUrl() {
    return "http://127.0.0.1:" + port + "/dav/upload.bin";
  }

  @Override
  public String getUrl() {
    return "http://127.0.0.1:" + port + "/product.bin";
  }

  @Override
  public void close() {
    try {
      run("/usr/sbin/nginx", "-p", root.toString(), "-c", root.resolve("nginx.conf").toString(), "-s", "quit");
    } catch (IOException | InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).inheritIO().start();
    if (process.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed");
    }
  }
}
