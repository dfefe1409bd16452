package dev.jgrad.benchmarks;

import java.util.Arrays;

/**
 * The arguments of {@link Lstm#objective}, read from an ADBench LSTM file: {@code l c b}, then
 * {@code 2l} rows of {@code 4b} main parameters, 3 rows of {@code b} extra parameters,
 * {@code 2l} rows of {@code b} state, {@code c} rows of {@code b} sequence.
 */
public record LstmInput(
    double[][] mainParams, double[][] extraParams, double[][] state, double[][] sequence) {

  /** Reads {@code lstm/<name>} from this module's resources. */
  public static LstmInput read(String name) {
    DataFile in = DataFile.open("lstm/" + name);
    int l = in.nextInt();
    int c = in.nextInt();
    int b = in.nextInt();
    double[][] main = in.nextMatrix(2 * l, 4 * b);
    double[][] extra = in.nextMatrix(3, b);
    double[][] state = in.nextMatrix(2 * l, b);
    double[][] sequence = in.nextMatrix(c, b);
    in.expectEnd();
    return new LstmInput(main, extra, state, sequence);
  }

  /** The same model on the first {@code characters} characters of the sequence. */
  public LstmInput truncated(int characters) {
    return new LstmInput(
        mainParams, extraParams, state, Arrays.copyOf(sequence, characters));
  }

  /** The objective at this input. */
  public double objective() {
    return Lstm.objective(mainParams, extraParams, state, sequence);
  }
}
