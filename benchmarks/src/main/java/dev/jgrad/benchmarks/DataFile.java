package dev.jgrad.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A whitespace-separated data file from this module's resources, read number by number: the
 * ADBench formats put no meaning in line breaks once the header is known.
 */
public final class DataFile {
  private final String name;
  private final String[] tokens;
  private int next;

  private DataFile(String name, String text) {
    this.name = name;
    String trimmed = text.strip();
    this.tokens = trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
  }

  /** Opens {@code dev/jgrad/benchmarks/<path>} on the class path. */
  public static DataFile open(String path) {
    String resource = "/dev/jgrad/benchmarks/" + path;
    try (InputStream in = DataFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalArgumentException("no resource " + resource);
      }
      return new DataFile(path, new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + resource, e);
    }
  }

  /** Every number of {@code path}, in order. */
  public static double[] numbers(String path) {
    DataFile file = open(path);
    double[] all = new double[file.tokens.length];
    for (int i = 0; i < all.length; i++) {
      all[i] = file.nextDouble();
    }
    return all;
  }

  /** The next number. */
  public double nextDouble() {
    if (next == tokens.length) {
      throw new IllegalStateException(name + ": ends after " + next + " numbers");
    }
    return Double.parseDouble(tokens[next++]);
  }

  /** The next number, which must be an integer. */
  public int nextInt() {
    double v = nextDouble();
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw new IllegalStateException(name + ": number " + next + " is not an int: " + v);
    }
    return (int) v;
  }

  /** The next {@code n} numbers. */
  public double[] nextDoubles(int n) {
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      v[i] = nextDouble();
    }
    return v;
  }

  /** The next {@code rows * cols} numbers, row by row. */
  public double[][] nextMatrix(int rows, int cols) {
    double[][] m = new double[rows][];
    for (int i = 0; i < rows; i++) {
      m[i] = nextDoubles(cols);
    }
    return m;
  }

  /** Fails unless every number has been read: a wrong header would otherwise go unnoticed. */
  public void expectEnd() {
    if (next != tokens.length) {
      throw new IllegalStateException(
          name + ": " + (tokens.length - next) + " numbers left after " + next);
    }
  }
}
