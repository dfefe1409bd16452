package dev.jgrad.processor.diag;

/**
 * Every diagnostic jgrad can report, with a stable id. A message names the construct, says why
 * it is refused, and says what to write instead; {@code %s} slots take the construct's details.
 */
public enum Message {
  NOT_STATIC("JG001", "@Differentiable method %s is not static: jgrad differentiates static"
      + " methods only, because an instance method's result may depend on fields it cannot see."
      + " Make it static and pass what it reads as parameters."),
  RETURN_TYPE("JG002", "@Differentiable method %s returns %s: jgrad differentiates methods that"
      + " return double, double[] or double[][]. Return one of those."),
  PARAMETER_TYPE("JG003", "parameter %s has type %s, which jgrad does not support: use double,"
      + " double[], double[][], int, int[] or boolean."),
  WRT_UNKNOWN("JG004", "wrt names '%s', which is not a parameter of %s: the parameters are %s."),
  WRT_NOT_DIFFERENTIABLE("JG005", "wrt names '%s' of type %s, which cannot carry a gradient: only"
      + " double, double[] and double[][] parameters can."),
  WRT_DUPLICATE("JG006", "wrt names '%s' twice."),
  NO_SOURCE("JG007", "jgrad cannot read the source of %s: %s"),
  GENERIC_OR_VARARGS("JG008", "@Differentiable method %s is %s: jgrad supports plain static"
      + " methods. Give it fixed parameter types and a fixed number of parameters."),
  OVERLOADED("JG009", "@Differentiable method %s is overloaded in the same class: the generated"
      + " class names its results after the method. Give the overloads different names."),
  PRIVATE("JG010", "@Differentiable method %s is private: the generated class %s must be able"
      + " to call it. Make it package-private or public."),
  NAME_CLASH("JG011", "parameters of %s give the same gradient name %s: rename one of them."),
  GENERATED_NAME_CLASH("JG012", "@Differentiable methods %s and %s would both generate '%s' in"
      + " %s: rename one of them."),
  RESERVED_NAME("JG013", "'%s' hides the class %s, which the generated code uses: rename it."),
  CLASS_ACCESS("JG014", "@Differentiable method %s is in %s, which the generated class %s cannot"
      + " reach: put it in a top-level class, or a static nested class that is not private."),
  RULE("JG015", "backward rule '%s' of %s: %s. It must be a static, non-private method of the"
      + " same class declared as %s."),
  TOO_LARGE("JG016", "the generated pullback of %s would have %s statements, more than the JVM"
      + " allows in one method (64 KB of bytecode): split %s into smaller @Differentiable"
      + " methods, each of which gets its own pullback."),
  UNSUPPORTED_STATEMENT("JG101", "%s is not supported in @Differentiable methods: %s"),
  UNSUPPORTED_EXPRESSION("JG102", "%s is not supported in @Differentiable methods: %s"),
  LOCAL_TYPE("JG103", "local %s has type %s, which jgrad does not support: use double, double[],"
      + " double[][], int, int[] or boolean."),
  UNKNOWN_NAME("JG104", "'%s' is not a parameter, a local or a static final constant: jgrad"
      + " methods can read only those. Pass the value as a parameter."),
  FIELD_WRITE("JG105", "writes to field '%s' are not supported: a @Differentiable method must not"
      + " have side effects outside its parameters. Return the value, or write into an array"
      + " parameter."),
  MUTABLE_STATIC("JG106", "field '%s' is not static final: a @Differentiable method can read only"
      + " constants, because jgrad cannot track a value that changes between calls. Pass it as a"
      + " parameter, or make it static final."),
  UNKNOWN_MATH("JG107", "Math.%s has no derivative rule in jgrad: %s"),
  NO_DERIVATIVE("JG108", "call of %s, which has no derivative: annotate it @Differentiable,"
      + " give it a hand-written rule with @Differentiable(backward = ...), or compute it inline"
      + " from supported operations. Calls of methods without a derivative are allowed only when"
      + " no argument carries a gradient."),
  CALL_ARGUMENT("JG109", "argument %s of %s: %s"),
  CALL_TARGET("JG116", "the call %s cannot be used: %s."),
  TYPE_MISMATCH("JG110", "%s: %s"),
  LOOP_CONDITION("JG111", "the loop condition '%s' has side effects (an assignment, ++/-- or a"
      + " call): jgrad needs conditions it can read twice. Move the update into the loop body."),
  WRT_WRITE("JG112", "'%s' writes a value that carries a gradient into array parameter '%s',"
      + " which is not in wrt: add '%s' to wrt so its gradient can flow, or copy into a local"
      + " array."),
  NOT_IN_WRT("JG113", "argument '%s' carries a gradient, but %s is not differentiable with"
      + " respect to its parameter '%s': add it to that method's wrt, or pass a constant."),
  ARRAY_ALIAS("JG114", "%s: %s"),
  FIELD_ACCESS("JG115", "field '%s' is not a compile-time constant and is private (or in a"
      + " private class), so the generated class cannot read it: make it package-private, or"
      + " give it a constant value."),
  FIELD_TYPE("JG117", "constant %s is not a double, int or boolean, which are the only constants"
      + " jgrad can read: pass it as a parameter."),
  HELPER_WRITES("JG118", "%s may write into array '%s', which carries a gradient, and jgrad"
      + " cannot see what it writes: annotate the helper @Differentiable, or pass it a copy."),
  INTERNAL("JG900", "internal error in jgrad while processing %s: %s. This is a bug in jgrad;"
      + " please report it with the method's source.");

  private final String id;
  private final String template;

  Message(String id, String template) {
    this.id = id;
    this.template = template;
  }

  public String id() {
    return id;
  }

  /** The finished text, prefixed with the id so tests and users can search for it. */
  public String format(Object... args) {
    return "[" + id + "] " + String.format(template, args);
  }
}
