package io.skyhop.core;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;

/** One instance per function class, created on first use and reused (per execution environment). */
final class Instances {
  private final Map<Class<?>, Object> instances = new HashMap<>();
  private final Priming priming;

  Instances(Priming priming) {
    this.priming = priming;
  }

  synchronized Object get(Class<?> type, String functionName) throws FunctionFailedException {
    Object instance = instances.get(type);
    if (instance == null) {
      try {
        MethodHandle constructor =
            MethodHandles.publicLookup().findConstructor(type, MethodType.methodType(void.class));
        instance = constructor.invoke();
      } catch (NoSuchMethodException | IllegalAccessException e) {
        throw new IndexException(
            "Cannot create "
                + type.getName()
                + ": "
                + e.getMessage()
                + ". The class needs a public no-argument constructor; rebuild with the Skyhop"
                + " annotation processor.",
            e);
      } catch (Throwable userFault) {
        throw new FunctionFailedException(functionName, userFault);
      }
      // primed before it is kept: when the prime method fails, the next start tries again
      priming.prime(instance, functionName);
      instances.put(type, instance);
    }
    return instance;
  }

  /** Runs the after-restore hook of the instance of {@code type}, if one was created. */
  synchronized void afterRestore(Class<?> type, String functionName)
      throws FunctionFailedException {
    Object instance = instances.get(type);
    if (instance != null) {
      priming.afterRestore(instance, functionName);
    }
  }
}
