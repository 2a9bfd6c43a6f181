package io.skyhop.test;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link Skyhop} parameters of test methods and test class constructors: one {@code
 * Skyhop} per test method (constructor and method parameters of one test get the same one; with
 * {@code @TestInstance(PER_CLASS)} the constructor's is shared by the class), loaded through the
 * test class's class loader. Registered by {@link SkyhopTest}, or directly with
 * {@code @ExtendWith(SkyhopExtension.class)}.
 */
public final class SkyhopExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(SkyhopExtension.class);

  @Override
  public ExtensionContextScope getTestInstantiationExtensionContextScope(
      ExtensionContext rootContext) {
    return ExtensionContextScope.TEST_METHOD;
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == Skyhop.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ClassLoader loader = context.getRequiredTestClass().getClassLoader();
    // Keyed by the context's id: a store also sees its parents' values, which must not be shared.
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(context.getUniqueId(), key -> Skyhop.load(loader), Skyhop.class);
  }
}
