package io.skyhop.core;

import java.util.List;
import java.util.Map;

/**
 * One function as the compile-time index describes it. Validated by the annotation processor, so
 * the adapters trust it.
 *
 * @param name the function name
 * @param className binary name of the declaring class
 * @param method the method name
 * @param parameterTypes binary names of the erased parameter types
 * @param payloadIndex index of the payload parameter, or -1
 * @param payloadKind how the payload binds, or null when there is none
 * @param contextIndex index of the {@code Context} parameter, or -1
 * @param returnKind how the result is sent back
 * @param memoryMb memory in MB
 * @param timeoutSeconds timeout in seconds
 * @param maxConcurrency maximum instances, 0 for the provider default
 * @param env fixed environment variables
 * @param secrets names of the secrets the function declares
 * @param trigger the trigger and its settings
 */
public record FunctionDef(
    String name,
    String className,
    String method,
    List<String> parameterTypes,
    int payloadIndex,
    PayloadKind payloadKind,
    int contextIndex,
    ReturnKind returnKind,
    int memoryMb,
    int timeoutSeconds,
    int maxConcurrency,
    Map<String, String> env,
    List<String> secrets,
    Trigger trigger) {

  /** A function without secrets (indexes written before secrets existed). */
  public FunctionDef(
      String name,
      String className,
      String method,
      List<String> parameterTypes,
      int payloadIndex,
      PayloadKind payloadKind,
      int contextIndex,
      ReturnKind returnKind,
      int memoryMb,
      int timeoutSeconds,
      int maxConcurrency,
      Map<String, String> env,
      Trigger trigger) {
    this(
        name,
        className,
        method,
        parameterTypes,
        payloadIndex,
        payloadKind,
        contextIndex,
        returnKind,
        memoryMb,
        timeoutSeconds,
        maxConcurrency,
        env,
        List.of(),
        trigger);
  }

  /**
   * This function with {@code env} as its environment (stage settings resolved at package time).
   */
  public FunctionDef withEnv(Map<String, String> env) {
    return new FunctionDef(
        name,
        className,
        method,
        parameterTypes,
        payloadIndex,
        payloadKind,
        contextIndex,
        returnKind,
        memoryMb,
        timeoutSeconds,
        maxConcurrency,
        java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(env)),
        secrets,
        trigger);
  }

  /** How a payload parameter binds. */
  public enum PayloadKind {
    HTTP_REQUEST,
    STRING,
    BYTES,
    JSON,
    SCHEDULED_EVENT,
    QUEUE_MESSAGE,
    QUEUE_MESSAGE_LIST,
    STORAGE_EVENT
  }

  /** How a result is sent back. */
  public enum ReturnKind {
    VOID,
    HTTP_RESPONSE,
    STRING,
    BYTES,
    JSON
  }
}
