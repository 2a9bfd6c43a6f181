package io.skyhop.api.processor;

import java.util.List;
import java.util.Map;

/**
 * One validated function, as written to the index.
 *
 * @param name the function name
 * @param className binary name of the declaring class
 * @param methodName the method name
 * @param parameterTypes binary names of the erased parameter types, in order
 * @param payloadIndex index of the payload parameter, or -1
 * @param payloadKind binding kind of the payload, or null
 * @param contextIndex index of the Context parameter, or -1
 * @param returnKind binding kind of the result
 * @param memoryMb memory in MB
 * @param timeoutSeconds timeout in seconds
 * @param maxConcurrency maximum instances, 0 for the provider default
 * @param env fixed environment
 * @param secrets names of the secrets the function reads
 * @param trigger trigger type and settings, in index order
 * @param snapStart AWS Lambda SnapStart
 * @param minInstances instances kept ready, 0 to scale to zero
 * @param smoke the {@code @Smoke} request (path, method, body), or null for the default
 */
record FunctionModel(
    String name,
    String className,
    String methodName,
    List<String> parameterTypes,
    int payloadIndex,
    String payloadKind,
    int contextIndex,
    String returnKind,
    int memoryMb,
    int timeoutSeconds,
    int maxConcurrency,
    Map<String, String> env,
    List<String> secrets,
    Map<String, Object> trigger,
    boolean snapStart,
    int minInstances,
    Map<String, Object> smoke) {}
