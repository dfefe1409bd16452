package dev.jgrad.processor.random;

import java.util.List;

/**
 * One generated {@code @Differentiable static double} method.
 *
 * @param name the method's name; the entry point is always {@code f}
 * @param params in declaration order
 * @param wrt the annotation's {@code wrt} list, or empty for the default (every double and
 *     double[] parameter)
 * @param body ends with a return
 */
record Fn(String name, List<Fn.Param> params, List<String> wrt, List<Stmt> body) {
  /** A parameter of one of the four types. */
  record Param(String name, Ty ty) {}

  /** The parameters the gradient is taken with respect to, in declaration order. */
  List<Param> differentiated() {
    return params.stream()
        .filter(p -> p.ty() == Ty.DOUBLE || p.ty() == Ty.ARRAY)
        .filter(p -> wrt.isEmpty() || wrt.contains(p.name()))
        .toList();
  }

  Fn withBody(List<Stmt> newBody) {
    return new Fn(name, params, wrt, newBody);
  }
}
