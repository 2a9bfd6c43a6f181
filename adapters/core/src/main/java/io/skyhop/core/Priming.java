package io.skyhop.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;

/**
 * Runs the {@code @Prime} method of a function class on its instance, once, right after the
 * instance is created (so exactly once per execution environment, whoever creates it first: the
 * target's start-up hook, or the first request of a target that has none), and the {@code
 * AfterRestore} method when a target restores an environment from a snapshot.
 */
final class Priming {
  private final Map<String, ClassHooks> hooks;

  Priming(Map<String, ClassHooks> hooks) {
    this.hooks = hooks;
  }

  /** Runs the class's prime method on a new instance, if it declares one. */
  void prime(Object instance, String functionName) throws FunctionFailedException {
    ClassHooks h = hooks.get(instance.getClass().getName());
    if (h != null && h.prime() != null) {
      call(instance, h.prime(), functionName);
    }
  }

  /** Runs the class's after-restore method, if it declares one. */
  void afterRestore(Object instance, String functionName) throws FunctionFailedException {
    ClassHooks h = hooks.get(instance.getClass().getName());
    if (h != null && h.afterRestore() != null) {
      call(instance, h.afterRestore(), functionName);
    }
  }

  private static void call(Object instance, String method, String functionName)
      throws FunctionFailedException {
    java.lang.invoke.MethodHandle handle;
    try {
      handle =
          MethodHandles.publicLookup()
              .findVirtual(instance.getClass(), method, MethodType.methodType(void.class));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      handle = nonVoid(instance, method, e);
    }
    try {
      handle.invoke(instance);
    } catch (Throwable userFault) {
      throw new FunctionFailedException(functionName, userFault);
    }
  }

  /** A hook may return a value (ignored); the index records the name only. */
  private static java.lang.invoke.MethodHandle nonVoid(
      Object instance, String method, ReflectiveOperationException first) {
    try {
      return MethodHandles.publicLookup()
          .unreflect(instance.getClass().getMethod(method))
          .asType(MethodType.methodType(void.class, instance.getClass()));
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new IndexException(
          "Cannot call "
              + instance.getClass().getName()
              + "."
              + method
              + "(), named as a lifecycle hook in "
              + FunctionIndex.RESOURCE
              + ": "
              + first.getMessage()
              + ". Fix: rebuild the package with the Skyhop annotation processor.",
          e);
    }
  }
}
