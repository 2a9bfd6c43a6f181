package io.skyhop.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a JUnit 5 test class whose test methods (and constructor) may declare a {@link Skyhop}
 * parameter: the functions of the test class path, loaded from their compile-time index, ready to
 * call as a target would. Each test method gets a fresh {@code Skyhop}, so function instances and
 * captured logs never leak from one test into another.
 *
 * <pre>{@code
 * @SkyhopTest
 * class OrdersTest {
 *   @Test
 *   void readsAnOrder(Skyhop skyhop) {
 *     HttpResponse response = skyhop.get("/orders/42");
 *     assertEquals(200, response.status());
 *   }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SkyhopExtension.class)
public @interface SkyhopTest {}
