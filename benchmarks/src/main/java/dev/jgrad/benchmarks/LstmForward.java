package dev.jgrad.benchmarks;

import org.hipparchus.analysis.differentiation.Gradient;

/**
 * {@link Lstm#objective} in forward mode with Hipparchus {@link Gradient}; the variables are the
 * main parameters, then the extra parameters, row by row (ADBench's order).
 */
public final class LstmForward {
  private LstmForward() {}

  /** The objective with its gradient. */
  public static Gradient objective(LstmInput input) {
    double[][] mainValues = input.mainParams();
    double[][] extraValues = input.extraParams();
    double[][] sequence = input.sequence();
    int layers = mainValues.length / 2;
    int b = sequence[0].length;
    int c = sequence.length;
    int p = mainValues.length * 4 * b + 3 * b;
    int next = 0;
    Gradient[][] main = new Gradient[mainValues.length][4 * b];
    for (int r = 0; r < main.length; r++) {
      for (int j = 0; j < 4 * b; j++) {
        main[r][j] = Gradient.variable(p, next++, mainValues[r][j]);
      }
    }
    Gradient[][] extra = new Gradient[3][b];
    for (int r = 0; r < 3; r++) {
      for (int j = 0; j < b; j++) {
        extra[r][j] = Gradient.variable(p, next++, extraValues[r][j]);
      }
    }
    Gradient[][] hidden = new Gradient[layers][b];
    Gradient[][] cell = new Gradient[layers][b];
    for (int layer = 0; layer < layers; layer++) {
      for (int j = 0; j < b; j++) {
        hidden[layer][j] = Gradient.constant(p, input.state()[2 * layer][j]);
        cell[layer][j] = Gradient.constant(p, input.state()[2 * layer + 1][j]);
      }
    }
    Gradient total = Gradient.constant(p, 0.0);
    for (int t = 0; t < c - 1; t++) {
      for (int layer = 0; layer < layers; layer++) {
        Gradient[] w = main[2 * layer];
        Gradient[] bias = main[2 * layer + 1];
        for (int j = 0; j < b; j++) {
          Gradient in = layer == 0 ? extra[0][j].multiply(sequence[t][j]) : hidden[layer - 1][j];
          Gradient h = hidden[layer][j];
          Gradient forget = sigmoid(in.multiply(w[j]).add(bias[j]));
          Gradient ingate = sigmoid(h.multiply(w[b + j]).add(bias[b + j]));
          Gradient outgate = sigmoid(in.multiply(w[2 * b + j]).add(bias[2 * b + j]));
          Gradient change = h.multiply(w[3 * b + j]).add(bias[3 * b + j]).tanh();
          cell[layer][j] = cell[layer][j].multiply(forget).add(ingate.multiply(change));
          hidden[layer][j] = outgate.multiply(cell[layer][j].tanh());
        }
      }
      Gradient[] prediction = new Gradient[b];
      Gradient sumExp = Gradient.constant(p, 0.0);
      for (int j = 0; j < b; j++) {
        prediction[j] = hidden[layers - 1][j].multiply(extra[1][j]).add(extra[2][j]);
        sumExp = sumExp.add(prediction[j].exp());
      }
      Gradient lse = sumExp.add(2.0).log();
      for (int j = 0; j < b; j++) {
        total = total.add(prediction[j].subtract(lse).multiply(sequence[t + 1][j]));
      }
    }
    return total.multiply(-1.0 / ((c - 1) * b));
  }

  private static Gradient sigmoid(Gradient v) {
    return v.negate().exp().add(1.0).reciprocal();
  }
}
