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
 */
public record Callee(
    String ownerClass,
    String gradClass,
    String name,
    List<Type> parameterTypes,
    List<String> parameterNames,
    List<Boolean> wrt,
    List<Boolean> writesArrays,
    Type returnType) {

  /**
   * The generated method a caller's reverse sweep calls: {@code fAdjoint} when the callee writes
   * into an array it differentiates (the caller's gradient must pass through that array), else
   * {@code fPullback}.
   */
  public String reverseMethod() {
    for (int k = 0; k < wrt.size(); k++) {
      if (wrt.get(k) && writesArrays.get(k)) {
        return name + "Adjoint";
      }
    }
    return name + "Pullback";
  }
}
