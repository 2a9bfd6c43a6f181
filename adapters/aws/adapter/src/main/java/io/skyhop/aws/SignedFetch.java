package io.skyhop.aws;

import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads with a direct {@code GetSecretValue} call to Secrets Manager, signed with Signature Version
 * 4 from the execution environment's credentials ({@code AWS_ACCESS_KEY_ID}, {@code
 * AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}, {@code AWS_REGION}). The endpoint is {@code
 * AWS_ENDPOINT_URL_SECRETS_MANAGER} when set (the SDKs' standard override), else the region's. The
 * signing is the few lines one JSON call needs; the AWS SDK would add megabytes to every package.
 */
final class SignedFetch implements SecretFetch {
  private static final String SERVICE = "secretsmanager";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

  private final Map<String, String> env;
  private final String region;
  private final URL endpoint;

  SignedFetch(Map<String, String> env) {
    this.env = env;
    this.region = env.getOrDefault("AWS_REGION", env.getOrDefault("AWS_DEFAULT_REGION", ""));
    String url =
        env.getOrDefault(
            "AWS_ENDPOINT_URL_SECRETS_MANAGER",
            "https://" + SERVICE + "." + region + ".amazonaws.com");
    try {
      this.endpoint = new URL(url.endsWith("/") ? url : url + "/");
    } catch (IOException e) {
      throw new IllegalStateException("AWS_ENDPOINT_URL_SECRETS_MANAGER is not a URL: " + url, e);
    }
  }

  @Override
  public String secretString(String id) throws IOException {
    byte[] body = ("{\"SecretId\":" + jsonString(id) + "}").getBytes(StandardCharsets.UTF_8);
    String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
    String host = endpoint.getHost() + (endpoint.getPort() < 0 ? "" : ":" + endpoint.getPort());
    String token = env.get("AWS_SESSION_TOKEN");
    String target = "secretsmanager.GetSecretValue";
    String type = "application/x-amz-json-1.1";
    String signedHeaders =
        "content-type;host;x-amz-date;"
            + (token == null ? "" : "x-amz-security-token;")
            + "x-amz-target";
    String canonical =
        "POST\n/\n\ncontent-type:"
            + type
            + "\nhost:"
            + host
            + "\nx-amz-date:"
            + stamp
            + "\n"
            + (token == null ? "" : "x-amz-security-token:" + token + "\n")
            + "x-amz-target:"
            + target
            + "\n\n"
            + signedHeaders
            + "\n"
            + hex(sha256(body));
    String scope = stamp.substring(0, 8) + "/" + region + "/" + SERVICE + "/aws4_request";
    String toSign =
        "AWS4-HMAC-SHA256\n"
            + stamp
            + "\n"
            + scope
            + "\n"
            + hex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    byte[] key =
        ("AWS4" + env.getOrDefault("AWS_SECRET_ACCESS_KEY", "")).getBytes(StandardCharsets.UTF_8);
    for (String part : new String[] {stamp.substring(0, 8), region, SERVICE, "aws4_request"}) {
      key = hmac(key, part);
    }
    HttpURLConnection c = (HttpURLConnection) endpoint.openConnection();
    c.setConnectTimeout(2_000);
    c.setReadTimeout(10_000);
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Content-Type", type);
    c.setRequestProperty("X-Amz-Date", stamp);
    c.setRequestProperty("X-Amz-Target", target);
    if (token != null) {
      c.setRequestProperty("X-Amz-Security-Token", token);
    }
    c.setRequestProperty(
        "Authorization",
        "AWS4-HMAC-SHA256 Credential="
            + env.getOrDefault("AWS_ACCESS_KEY_ID", "")
            + "/"
            + scope
            + ", SignedHeaders="
            + signedHeaders
            + ", Signature="
            + hex(hmac(key, toSign)));
    try {
      try (OutputStream out = c.getOutputStream()) {
        out.write(body);
      }
      return SecretFetch.answer(c, id);
    } finally {
      c.disconnect();
    }
  }

  private static String jsonString(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
