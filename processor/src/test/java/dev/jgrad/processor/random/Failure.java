package dev.jgrad.processor.random;

/**
 * A fault found on one program: {@code kind} and {@code detail} together make the signature the
 * shrinker keeps (a smaller program must fail the same way), {@code message} says what happened.
 *
 * @param detail a short discriminator within the kind, such as a diagnostic id; may be empty
 */
record Failure(Kind kind, String detail, String message) {
  /** What went wrong; the first four are jgrad's faults, the last two the harness's. */
  enum Kind {
    /** The processor reported an error on a program inside the supported subset. */
    REFUSED,
    /** The generated FooGrad does not compile, or draws a warning under -Werror. */
    GENERATED_INVALID,
    /** The generated code threw. */
    CRASH,
    /** The generated value differs from the plain method's. */
    VALUE,
    /** The gradient differs from the forward-mode oracle. */
    GRADIENT,
    /** fPullback's return or buffers disagree with f's value and gradient. */
    PULLBACK,
    /** An array argument was not restored after the gradient call. */
    RESTORE,
    /** The gradient differs from central finite differences. */
    FINITE_DIFFERENCES,
    /** The generator wrote invalid Java, or the oracle disagrees with the plain value. */
    HARNESS
  }

  boolean sameAs(Failure other) {
    return other != null && kind == other.kind && detail.equals(other.detail);
  }

  @Override
  public String toString() {
    return kind + (detail.isEmpty() ? "" : " " + detail) + ": " + message;
  }
}
