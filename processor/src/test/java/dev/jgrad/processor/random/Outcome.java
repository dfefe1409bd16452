package dev.jgrad.processor.random;

/** What checking one program at one input gave. */
sealed interface Outcome {
  /**
   * Every check passed, or every check but finite differences, which could not decide.
   *
   * @param skipped null, or why the finite-difference check was left out or gave no verdict
   */
  record Passed(String skipped) implements Outcome {}

  /**
   * The input is unusable for this program (value not finite or too large, or a decision too
   * close to flipping); nothing was checked.
   */
  record Rejected(String reason) implements Outcome {}

  /** A check failed. */
  record Failed(Failure failure) implements Outcome {}
}
