package dev.jgrad.processor.ir;

import java.util.List;

/**
 * A lowered {@code @Differentiable} method: its parameters, every local (hoisted, uniquely
 * named), the body, and the expression it returns.
 *
 * @param name the method's name
 * @param parameters the parameters, in order
 * @param wrt the parameters the gradient is taken with respect to, in order
 * @param locals every local of the body, including lowering's temporaries
 * @param body the statements
 * @param result a local that holds the returned value when the body ends
 */
public record Method(
    String name, List<Var> parameters, List<Var> wrt, List<Var> locals, List<Stmt> body,
    Var result) {}
