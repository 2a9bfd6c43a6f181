package io.skyhop.core;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.HashMap;
import java.util.Map;

/** One instance per function class, created on first use and reused (per execution environment). */
final class Instances {
  private final Map<Class<?>, Object> instances = new HashMap<>();

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
      instances.put(type, instance);
    }
    return instance;
  }
}
