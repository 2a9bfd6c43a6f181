package io.skyhop.tooling.naming;

import io.skyhop.tooling.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The app and stage a goal acts on ({@code skyhop.app}, {@code skyhop.stage}) and the one place
 * every physical name derives from: {@code <app>} without a stage (today's names), {@code
 * <app>-<stage>} with one, then {@code -<function>} or {@code -<logical resource>}. A name longer
 * than the provider allows keeps its beginning and ends with a short hash of the full name, so it
 * stays unique and stable. The in-house runtime's and Kubernetes' rules are in {@link #cluster()};
 * each cloud provider keeps its own (its {@code naming.<id>} package) built on {@link #fit}, {@link
 * #unique} and {@link #dnsSafe}.
 *
 * @param app the app name
 * @param stage the stage, absent when {@code skyhop.stage} is unset
 */
public record Naming(String app, Optional<String> stage) {
  /** The property naming the stage. */
  public static final String STAGE = "skyhop.stage";

  /** The longest stage name. */
  public static final int MAX_STAGE = 12;

  /** Characters of the hash that ends a shortened or globally unique name. */
  static final int HASH = 8;

  private static final Pattern STAGE_FORMAT = Pattern.compile("[a-z][a-z0-9]{0,11}");

  /**
   * The naming of an app and an optional stage.
   *
   * @throws ConfigurationException naming {@code skyhop.stage} when the stage is not 1 to 12
   *     lower-case letters and digits starting with a letter
   */
  public Naming {
    stage = stage.map(String::trim).filter(s -> !s.isEmpty());
    stage.ifPresent(
        s -> {
          if (!STAGE_FORMAT.matcher(s).matches()) {
            throw new ConfigurationException(
                STAGE,
                s,
                "is not a stage name. Fix: use 1 to "
                    + MAX_STAGE
                    + " lower-case letters and digits, starting with a letter (e.g. dev, prod,"
                    + " pr42), or leave "
                    + STAGE
                    + " unset");
          }
        });
  }

  /** Without a stage. */
  public static Naming of(String app) {
    return new Naming(app, Optional.empty());
  }

  /** With a stage ({@code null} or blank: none). */
  public static Naming of(String app, String stage) {
    return new Naming(app, Optional.ofNullable(stage));
  }

  /** {@code <app>} or {@code <app>-<stage>}: the beginning of every physical name. */
  public String prefix() {
    return stage.map(s -> app + "-" + s).orElse(app);
  }

  /** The stage as tags and records show it: its name, or {@code ""} when there is none. */
  public String stageLabel() {
    return stage.orElse("");
  }

  /**
   * The tags (labels) every resource Skyhop owns carries, under the provider's key spelling: {@code
   * <keyPrefix>app} and, with a stage, {@code <keyPrefix>stage}.
   *
   * @param keyPrefix e.g. {@code skyhop:} on AWS, {@code skyhop-} on Google Cloud and Azure
   */
  public Map<String, String> tags(String keyPrefix) {
    Map<String, String> tags = new LinkedHashMap<>();
    tags.put(keyPrefix + "app", app);
    stage.ifPresent(s -> tags.put(keyPrefix + "stage", s));
    return tags;
  }

  /**
   * Whether a resource's tags say this app and stage own it: the app tag names the app, and the
   * stage tag names the stage (or is absent when there is no stage).
   */
  public boolean owns(Map<String, String> tags, String keyPrefix) {
    return tags != null
        && app.equals(tags.get(keyPrefix + "app"))
        && stage.equals(Optional.ofNullable(tags.get(keyPrefix + "stage")));
  }

  /** {@code deploy-<target>.json} or {@code deploy-<target>-<stage>.json}. */
  public String recordFile(String targetId) {
    return "deploy-" + targetId + stage.map(s -> "-" + s).orElse("") + ".json";
  }

  /** The in-house runtime's and Kubernetes' names. */
  public ClusterNames cluster() {
    return new ClusterNames(this);
  }

  /**
   * {@code name} when it has at most {@code max} characters; otherwise its first characters, a
   * {@code -} and the hash of the whole name, {@code max} characters in all.
   */
  public static String fit(String name, int max) {
    if (name.length() <= max) {
      return name;
    }
    return head(name, max - HASH - 1) + "-" + hash(name);
  }

  /**
   * {@code base} cut so that {@code base-<hash of parts>} has at most {@code max} characters: a
   * name unique to {@code parts} (for names that are global, such as buckets).
   */
  public static String unique(String base, int max, String... parts) {
    return head(base, max - HASH - 1) + "-" + hash(String.join("\n", parts));
  }

  /**
   * Lower-case letters, digits and single hyphens only (what DNS labels, buckets and Azure storage
   * names allow): other characters become {@code -}, runs of hyphens one, none at either end.
   */
  public static String dnsSafe(String name) {
    String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    s = s.replaceAll("-{2,}", "-");
    return trimHyphens(s);
  }

  /** The first {@code length} characters, without trailing hyphens, dots or underscores. */
  private static String head(String name, int length) {
    String head = name.substring(0, Math.min(length, name.length()));
    int end = head.length();
    while (end > 0 && "-._".indexOf(head.charAt(end - 1)) >= 0) {
      end--;
    }
    return head.substring(0, end);
  }

  private static String trimHyphens(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == '-') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == '-') {
      end--;
    }
    return s.substring(start, end);
  }

  /** The first {@value #HASH} hex digits of the SHA-256 of {@code text}. */
  static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, HASH);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
