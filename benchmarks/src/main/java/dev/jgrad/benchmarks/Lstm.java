package dev.jgrad.benchmarks;

import dev.jgrad.Differentiable;

/**
 * ADBench's {@code lstm}: the mean cross-entropy of a next-character predictor made of stacked
 * LSTM layers with diagonal weights, over a sequence of {@code c} one-hot characters of {@code b}
 * bits.
 *
 * <p>{@code mainParams} has {@code 2 l} rows of {@code 4 b}: row {@code 2i} holds layer {@code i}'s
 * weights, row {@code 2i + 1} its biases, each as four blocks (forget, input, output, change).
 * {@code extraParams} holds the input weights, output weights and output biases. {@code state}
 * holds each layer's initial hidden (row {@code 2i}) and cell (row {@code 2i + 1}) vectors; it is
 * copied, never written.
 */
public final class Lstm {
  private Lstm() {}

  /** The logistic function. */
  @Differentiable
  static double sigmoid(double v) {
    return 1.0 / (1.0 + Math.exp(-v));
  }

  /**
   * {@code -1/((c-1) b) sum_t sum_j seq[t+1]_j (y_j - log(sum exp(y) + 2))}, where {@code y} is
   * the prediction after reading {@code seq[0..t]}; the {@code + 2} is ADBench's.
   */
  @Differentiable(wrt = {"mainParams", "extraParams"})
  public static double objective(double[][] mainParams, double[][] extraParams,
      double[][] state, double[][] sequence) {
    int layers = mainParams.length / 2;
    int b = sequence[0].length;
    int c = sequence.length;
    double[][] hidden = new double[layers][b];
    double[][] cell = new double[layers][b];
    for (int layer = 0; layer < layers; layer++) {
      for (int j = 0; j < b; j++) {
        hidden[layer][j] = state[2 * layer][j];
        cell[layer][j] = state[2 * layer + 1][j];
      }
    }
    double[] input = new double[b];
    double[] prediction = new double[b];
    double total = 0.0;
    for (int t = 0; t < c - 1; t++) {
      for (int j = 0; j < b; j++) {
        input[j] = sequence[t][j] * extraParams[0][j];
      }
      for (int layer = 0; layer < layers; layer++) {
        double[] weight = mainParams[2 * layer];
        double[] bias = mainParams[2 * layer + 1];
        double[] h = hidden[layer];
        double[] s = cell[layer];
        for (int j = 0; j < b; j++) {
          // The first layer reads the input, each later one the new hidden state below it.
          double in = layer == 0 ? input[j] : hidden[layer - 1][j];
          double forget = sigmoid(in * weight[j] + bias[j]);
          double ingate = sigmoid(h[j] * weight[b + j] + bias[b + j]);
          double outgate = sigmoid(in * weight[2 * b + j] + bias[2 * b + j]);
          double change = Math.tanh(h[j] * weight[3 * b + j] + bias[3 * b + j]);
          s[j] = s[j] * forget + ingate * change;
          h[j] = outgate * Math.tanh(s[j]);
        }
      }
      double sumExp = 0.0;
      for (int j = 0; j < b; j++) {
        prediction[j] = hidden[layers - 1][j] * extraParams[1][j] + extraParams[2][j];
        sumExp += Math.exp(prediction[j]);
      }
      double lse = Math.log(sumExp + 2.0);
      for (int j = 0; j < b; j++) {
        total += sequence[t + 1][j] * (prediction[j] - lse);
      }
    }
    return -total / ((c - 1) * b);
  }
}
