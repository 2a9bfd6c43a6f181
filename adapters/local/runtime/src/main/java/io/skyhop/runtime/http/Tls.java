package io.skyhop.runtime.http;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * TLS for the front door from PEM files ({@code --tls-cert}: the certificate chain, {@code
 * --tls-key}: its PKCS#8 private key, as {@code openssl} and certbot write them). The key is read
 * into memory only, never copied or logged.
 */
final class Tls {
  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private Tls() {}

  /**
   * The server's TLS context.
   *
   * @throws IOException naming the file and the fix when a file cannot be used
   */
  static SslContextFactory.Server fromPem(Path certFile, Path keyFile) throws IOException {
    Collection<? extends Certificate> chain;
    try (InputStream in = Files.newInputStream(certFile)) {
      chain = CertificateFactory.getInstance("X.509").generateCertificates(in);
    } catch (GeneralSecurityException e) {
      throw new IOException("--tls-cert " + certFile + " holds no PEM certificate: " + e, e);
    }
    if (chain.isEmpty()) {
      throw new IOException("--tls-cert " + certFile + " holds no PEM certificate");
    }
    PrivateKey key = privateKey(keyFile);
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      char[] password = new char[0];
      store.setKeyEntry("skyhop", key, password, chain.toArray(Certificate[]::new));
      SslContextFactory.Server tls = new SslContextFactory.Server();
      tls.setKeyStore(store);
      tls.setKeyStorePassword("");
      tls.setSniRequired(false);
      return tls;
    } catch (GeneralSecurityException e) {
      throw new IOException(
          "--tls-key " + keyFile + " does not go with --tls-cert " + certFile + ": " + e, e);
    }
  }

  private static PrivateKey privateKey(Path keyFile) throws IOException {
    String pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IOException(
          "--tls-key "
              + keyFile
              + " is not an unencrypted PKCS#8 PEM key ('"
              + BEGIN
              + "'). Fix: convert it with 'openssl pkcs8 -topk8 -nocrypt -in "
              + keyFile
              + " -out key.pem'");
    }
    byte[] der = Base64.getMimeDecoder().decode(pem.substring(begin + BEGIN.length(), end).strip());
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
      } catch (GeneralSecurityException notThisOne) {
        // try the next algorithm
      }
    }
    throw new IOException("--tls-key " + keyFile + " is neither an RSA, EC nor Ed25519 key");
  }
}
