package dev.jgrad.samples.digits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;

/**
 * The handwritten digits of UCI "Optical Recognition of Handwritten Digits" (E. Alpaydin,
 * C. Kaynak, 1998): 1797 images of 8x8 pixels, read from {@code digits.csv.gz} on the classpath.
 * See {@code DATA-NOTICE.md} beside that file for its source and licence.
 */
public final class Digits {
  /** Pixels per image (8x8). */
  public static final int PIXELS = 64;
  /** Number of classes, the digits 0 to 9. */
  public static final int CLASSES = 10;
  /** Number of images in the file. */
  public static final int ROWS = 1797;

  private static final String RESOURCE = "digits.csv.gz";
  private static final double MAX_COUNT = 16.0;

  private Digits() {}

  /**
   * Labelled examples: row {@code i} of {@code x} holds the pixels of image {@code i}, scaled to
   * [0, 1], and {@code y[i]} its digit. The arrays are shared, not copied.
   */
  public record Examples(double[][] x, int[] y) {
    /** Checks that there is one label per row. */
    public Examples {
      if (x.length != y.length) {
        throw new IllegalArgumentException(x.length + " rows but " + y.length + " labels");
      }
    }

    /** Returns the number of examples. */
    public int size() {
      return y.length;
    }

    /** Returns the examples {@code order[from..to)}, sharing their pixel rows with this. */
    public Examples select(int[] order, int from, int to) {
      double[][] rows = new double[to - from][];
      int[] labels = new int[to - from];
      for (int i = from; i < to; i++) {
        rows[i - from] = x[order[i]];
        labels[i - from] = y[order[i]];
      }
      return new Examples(rows, labels);
    }
  }

  /** A training set and a held-out test set with no image in common. */
  public record Split(Examples train, Examples test) {}

  /**
   * Loads every image and shuffles it into a training and a test set.
   *
   * @param testFraction the share of the images held out for testing, in (0, 1)
   * @param seed the seed of the shuffle, so that a run can be repeated
   */
  public static Split split(double testFraction, long seed) {
    if (!(testFraction > 0.0 && testFraction < 1.0)) {
      throw new IllegalArgumentException("testFraction must be in (0, 1): " + testFraction);
    }
    Examples all = load();
    int n = all.size();
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    int nTest = (int) Math.round(n * testFraction);
    return new Split(all.select(order, nTest, n), all.select(order, 0, nTest));
  }

  /** Loads every image, in file order. */
  public static Examples load() {
    InputStream raw = Digits.class.getResourceAsStream(RESOURCE);
    if (raw == null) {
      throw new IllegalStateException(RESOURCE + " is not on the classpath next to Digits");
    }
    double[][] x = new double[ROWS][];
    int[] y = new int[ROWS];
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.US_ASCII))) {
      int row = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isEmpty()) {
          continue;
        }
        if (row == ROWS) {
          throw new IllegalStateException(RESOURCE + " has more than " + ROWS + " rows");
        }
        x[row] = new double[PIXELS];
        y[row] = parseRow(line, row, x[row]);
        row++;
      }
      if (row != ROWS) {
        throw new IllegalStateException(RESOURCE + " has " + row + " rows, not " + ROWS);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    return new Examples(x, y);
  }

  /** Fills {@code pixels} from one CSV line and returns its label. */
  private static int parseRow(String line, int row, double[] pixels) {
    String[] fields = line.split(",");
    if (fields.length != PIXELS + 1) {
      throw new IllegalStateException(
          "row " + row + " has " + fields.length + " fields, not " + (PIXELS + 1));
    }
    for (int k = 0; k < PIXELS; k++) {
      int count = parseInRange(fields[k], (int) MAX_COUNT, row);
      pixels[k] = count / MAX_COUNT;
    }
    return parseInRange(fields[PIXELS], CLASSES - 1, row);
  }

  private static int parseInRange(String field, int max, int row) {
    int value = Integer.parseInt(field.trim());
    if (value < 0 || value > max) {
      throw new IllegalStateException("row " + row + ": " + value + " is not in 0.." + max);
    }
    return value;
  }
}
