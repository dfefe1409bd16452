package dev.jgrad.processor.ir;

import java.util.List;

/**
 * A differentiable method called from another one: where its plain and generated forms live and
 * which of its parameters carry gradients.
 *
 * @param ownerClass qualified name of the class that declares the method
 * @param gradClass qualified name of the generated class that holds its pullback
 * @param name the method's name
 * @param parameterTypes the parameters' types, in order
 * @param parameterNames the parameters' names, in order
 * @param wrt for each parameter, whether the pullback takes a gradient buffer for it
 * @param writesArrays for each parameter, whether the method may write into that array
 * @param returnType double, double[] or double[][]
 * @param split whether its generated class has the split pair {@code fForward}/{@code fReverse}
 *     (see {@link #isSplit})
 */
public record Callee(
    String ownerClass,
    String gradClass,
    String name,
    List<Type> parameterTypes,
    List<String> parameterNames,
    List<Boolean> wrt,
    List<Boolean> writesArrays,
    Type returnType,
    boolean split) {

  /**
   * Whether callers use the split pair: the callee's forward sweep runs in the caller's forward
   * sweep and leaves its tape on the thread's stacks, and its reverse sweep runs in the caller's
   * reverse sweep, popping that tape. Without it the caller's reverse sweep calls the pullback,
   * which runs the callee's forward sweep a second time (and, through recursion, a third ...).
   * Only methods of this build that return a double and write no array have it: a library's
   * generated class may predate the split pair, and a writing method needs its adjoint form.
   */
  public boolean isSplit() {
    return split;
  }

  /** The generated method a caller's forward sweep calls in place of the plain method. */
  public String forwardMethod() {
    return name + "Forward";
  }

  /**
   * The generated method a caller's reverse sweep calls: {@code fReverse} for a split callee,
   * {@code fAdjoint} when the callee writes into an array it differentiates (the caller's
   * gradient must pass through that array), else {@code fPullback}.
   */
  public String reverseMethod() {
    if (split) {
      return name + "Reverse";
    }
    for (int k = 0; k < wrt.size(); k++) {
      if (wrt.get(k) && writesArrays.get(k)) {
        return name + "Adjoint";
      }
    }
    return name + "Pullback";
  }
}
