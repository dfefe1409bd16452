package dev.jgrad.processor.random;

import java.util.List;

/**
 * One generated {@code @Differentiable static} method.
 *
 * @param name the method's name; the entry point is always {@code f}
 * @param params in declaration order
 * @param wrt the annotation's {@code wrt} list, or empty for the default (every double, double[]
 *     and double[][] parameter)
 * @param body ends with a return
 * @param result DOUBLE, or ARRAY for an array-valued method (only the entry point)
 * @param rule its hand-written backward rule, or null
 */
record Fn(String name, List<Fn.Param> params, List<String> wrt, List<Stmt> body, Ty result,
    Rule rule) {
  /** A parameter of one of the types. */
  record Param(String name, Ty ty) {}

  /** A method returning double. */
  Fn(String name, List<Param> params, List<String> wrt, List<Stmt> body) {
    this(name, params, wrt, body, Ty.DOUBLE, null);
  }

  Fn(String name, List<Param> params, List<String> wrt, List<Stmt> body, Ty result) {
    this(name, params, wrt, body, result, null);
  }

  /** The parameters the gradient is taken with respect to, in declaration order. */
  List<Param> differentiated() {
    return params.stream()
        .filter(p -> p.ty().differentiable())
        .filter(p -> wrt.isEmpty() || wrt.contains(p.name()))
        .toList();
  }

  Fn withBody(List<Stmt> newBody) {
    return new Fn(name, params, wrt, newBody, result, rule);
  }

  Fn withParams(List<Param> newParams, List<String> newWrt) {
    return new Fn(name, newParams, newWrt, body, result, rule);
  }
}
