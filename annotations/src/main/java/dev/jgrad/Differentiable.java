package dev.jgrad;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static method whose gradient jgrad writes at compile time.
 *
 * <p>For a class {@code Foo}, the processor writes {@code FooGrad} in the same package with, for
 * each annotated method {@code f}, a method {@code FooGrad.f(args)} that returns the value and the
 * gradient as a record, and a pullback {@code FooGrad.fPullback(args, upstream, buffers)} that adds
 * the gradient into caller-owned buffers.
 *
 * <p>The annotation is kept in class files so that a method compiled into a library jar can still
 * be recognised as differentiable by a later compilation.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Differentiable {
  /**
   * The parameters to differentiate with respect to, by name. Empty (the default) means every
   * parameter of type {@code double}, {@code double[]} or {@code double[][]}; the others (indices,
   * sizes, labels, flags) are constants either way.
   */
  String[] wrt() default {};

  /**
   * The name of a static method in the same class that gives this method's backward rule by
   * hand, the way a custom autograd function does; empty (the default) means jgrad derives it.
   * With a rule, jgrad does not read this method's body, which may then use any Java (a library
   * call, say). The rule takes this method's parameters, then its result {@code out}, then the
   * {@code upstream} gradient (both of this method's return type). With one differentiated
   * parameter, a {@code double}, it returns that parameter's gradient; otherwise it returns
   * {@code void} and adds into one buffer per differentiated parameter, as a pullback does.
   */
  String backward() default "";
}
