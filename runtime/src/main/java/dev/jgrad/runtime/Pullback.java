package dev.jgrad.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a generated pullback with what a later compilation needs to call it from a class file:
 * which parameters it differentiates and which arrays the method writes into. Parameter names
 * are not in class files unless compiled with {@code -parameters}, so both are positions.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Pullback {
  /** Positions of the differentiated parameters, in order. */
  int[] wrt();

  /** Positions of the array parameters the method may write into. */
  int[] writes() default {};
}
