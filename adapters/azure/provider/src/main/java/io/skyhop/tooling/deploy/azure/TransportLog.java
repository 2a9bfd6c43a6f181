package io.skyhop.tooling.deploy.azure;

/**
 * azure-core's JDK HttpClient transport logs a WARNING on every request that carries a {@code
 * Content-Length} header ("The header is restricted by 'java.net.http.HttpClient' and will be
 * ignored"): the JDK client sets that header itself, so nothing is lost, but the Maven log gets one
 * warning per call. No transport version served here drops it, so the level of that one logger
 * ({@value #LOGGER}) is raised to ERROR in Maven's SLF4J simple logger before the first client is
 * built, unless the user set it ({@code -Dorg.slf4j.simpleLogger.log.com.azure.core.http.jdk
 * .httpclient=warn} brings it back). Other loggers, the SDK's errors included, are untouched.
 */
final class TransportLog {
  static final String LOGGER = "com.azure.core.http.jdk.httpclient";
  static final String LEVEL = "org.slf4j.simpleLogger.log." + LOGGER;

  private TransportLog() {}

  /** Quietens the transport's per-request warning (idempotent; a level the user set wins). */
  static void quieten() {
    if (System.getProperty(LEVEL) == null) {
      System.setProperty(LEVEL, "error");
    }
  }
}
