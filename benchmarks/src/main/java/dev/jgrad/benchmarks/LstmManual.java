package dev.jgrad.benchmarks;

import java.util.Arrays;

/**
 * A hand-written gradient of {@link Lstm#objective} by backpropagation through time: the
 * reference an expert would write.
 *
 * <p>The forward pass keeps, per step, layer and unit, the eight numbers the backward pass needs
 * (the layer's input, the old hidden and cell values, the four gates and {@code tanh} of the new
 * cell) and each step's softmax numerators, in a {@link Workspace} that the caller reuses. So the
 * backward pass calls no {@code exp} or {@code tanh} at all: every derivative of a sigmoid or
 * {@code tanh} comes from its stored output.
 */
public final class LstmManual {
  private static final int SAVED = 8;

  private LstmManual() {}

  /** The memory of one problem shape, reused across calls so that a call allocates nothing. */
  public static final class Workspace {
    final int layers;
    final int bits;
    final int steps;
    final double[] saved;
    final double[] exps;
    final double[] sums;
    final double[] hidden;
    final double[] cell;
    final double[] dHidden;
    final double[] dCell;

    /** Room for {@code layers} layers of {@code bits} units over {@code characters} chars. */
    public Workspace(int layers, int bits, int characters) {
      this.layers = layers;
      this.bits = bits;
      this.steps = characters - 1;
      saved = new double[steps * layers * bits * SAVED];
      exps = new double[steps * bits];
      sums = new double[steps];
      hidden = new double[layers * bits];
      cell = new double[layers * bits];
      dHidden = new double[layers * bits];
      dCell = new double[layers * bits];
    }

    /** A workspace that fits {@code input}. */
    public static Workspace of(LstmInput input) {
      return new Workspace(
          input.mainParams().length / 2, input.sequence()[0].length, input.sequence().length);
    }
  }

  /**
   * Writes the gradient of {@code Lstm.objective(...)} into {@code dMain} and {@code dExtra}
   * (overwriting them) and returns the value.
   */
  public static double gradient(double[][] mainParams, double[][] extraParams,
      double[][] state, double[][] sequence, double[][] dMain, double[][] dExtra,
      Workspace ws) {
    int layers = ws.layers;
    int b = ws.bits;
    int steps = ws.steps;
    if (mainParams.length != 2 * layers || sequence.length != steps + 1
        || sequence[0].length != b) {
      throw new IllegalArgumentException("workspace does not fit the input");
    }
    double[] saved = ws.saved;
    double[] hidden = ws.hidden;
    double[] cell = ws.cell;
    for (int layer = 0; layer < layers; layer++) {
      System.arraycopy(state[2 * layer], 0, hidden, layer * b, b);
      System.arraycopy(state[2 * layer + 1], 0, cell, layer * b, b);
    }
    double[] inWeight = extraParams[0];
    double[] outWeight = extraParams[1];
    double[] outBias = extraParams[2];
    double total = 0.0;
    for (int t = 0; t < steps; t++) {
      for (int layer = 0; layer < layers; layer++) {
        double[] w = mainParams[2 * layer];
        double[] bias = mainParams[2 * layer + 1];
        int hs = layer * b;
        int at = (t * layers + layer) * b * SAVED;
        for (int j = 0; j < b; j++, at += SAVED) {
          double in = layer == 0 ? sequence[t][j] * inWeight[j] : hidden[hs - b + j];
          double hOld = hidden[hs + j];
          double cOld = cell[hs + j];
          double f = sigmoid(in * w[j] + bias[j]);
          double ig = sigmoid(hOld * w[b + j] + bias[b + j]);
          double o = sigmoid(in * w[2 * b + j] + bias[2 * b + j]);
          double g = Math.tanh(hOld * w[3 * b + j] + bias[3 * b + j]);
          double cNew = cOld * f + ig * g;
          double tc = Math.tanh(cNew);
          cell[hs + j] = cNew;
          hidden[hs + j] = o * tc;
          saved[at] = in;
          saved[at + 1] = hOld;
          saved[at + 2] = cOld;
          saved[at + 3] = f;
          saved[at + 4] = ig;
          saved[at + 5] = o;
          saved[at + 6] = g;
          saved[at + 7] = tc;
        }
      }
      int top = (layers - 1) * b;
      double sumExp = 0.0;
      double[] target = sequence[t + 1];
      for (int j = 0; j < b; j++) {
        double y = hidden[top + j] * outWeight[j] + outBias[j];
        double e = Math.exp(y);
        ws.exps[t * b + j] = e;
        sumExp += e;
        total += target[j] * y;
      }
      double targetSum = 0.0;
      for (int j = 0; j < b; j++) {
        targetSum += target[j];
      }
      ws.sums[t] = sumExp + 2.0;
      total -= targetSum * Math.log(sumExp + 2.0);
    }
    double scale = -1.0 / (steps * b);
    backward(mainParams, extraParams, sequence, dMain, dExtra, ws, scale);
    return scale * total;
  }

  private static void backward(double[][] mainParams, double[][] extraParams,
      double[][] sequence, double[][] dMain, double[][] dExtra, Workspace ws, double scale) {
    int layers = ws.layers;
    int b = ws.bits;
    double[] saved = ws.saved;
    double[] dHidden = ws.dHidden;
    double[] dCell = ws.dCell;
    for (double[] row : dMain) {
      Arrays.fill(row, 0.0);
    }
    for (double[] row : dExtra) {
      Arrays.fill(row, 0.0);
    }
    Arrays.fill(dHidden, 0.0);
    Arrays.fill(dCell, 0.0);
    double[] inWeight = extraParams[0];
    double[] outWeight = extraParams[1];
    double[] dInWeight = dExtra[0];
    double[] dOutWeight = dExtra[1];
    double[] dOutBias = dExtra[2];
    int top = (layers - 1) * b;
    for (int t = ws.steps - 1; t >= 0; t--) {
      double[] target = sequence[t + 1];
      double targetSum = 0.0;
      for (int j = 0; j < b; j++) {
        targetSum += target[j];
      }
      double share = targetSum / ws.sums[t];
      int topSaved = (t * layers + layers - 1) * b * SAVED;
      for (int j = 0; j < b; j++) {
        // d/dy_j of sum_i s_i (y_i - lse) is s_j - (sum_i s_i) softmax_j.
        double dy = scale * (target[j] - share * ws.exps[t * b + j]);
        double hTop = saved[topSaved + j * SAVED + 5] * saved[topSaved + j * SAVED + 7];
        dOutWeight[j] += dy * hTop;
        dOutBias[j] += dy;
        dHidden[top + j] += dy * outWeight[j];
      }
      for (int layer = layers - 1; layer >= 0; layer--) {
        double[] w = mainParams[2 * layer];
        double[] dw = dMain[2 * layer];
        double[] dbias = dMain[2 * layer + 1];
        int hs = layer * b;
        int at = (t * layers + layer) * b * SAVED;
        for (int j = 0; j < b; j++, at += SAVED) {
          double in = saved[at];
          double hOld = saved[at + 1];
          double cOld = saved[at + 2];
          double f = saved[at + 3];
          double ig = saved[at + 4];
          double o = saved[at + 5];
          double g = saved[at + 6];
          double tc = saved[at + 7];
          double dh = dHidden[hs + j];
          double dc = dCell[hs + j] + dh * o * (1.0 - tc * tc);
          double zf = dc * cOld * f * (1.0 - f);
          double zi = dc * g * ig * (1.0 - ig);
          double zo = dh * tc * o * (1.0 - o);
          double zg = dc * ig * (1.0 - g * g);
          dw[j] += zf * in;
          dw[b + j] += zi * hOld;
          dw[2 * b + j] += zo * in;
          dw[3 * b + j] += zg * hOld;
          dbias[j] += zf;
          dbias[b + j] += zi;
          dbias[2 * b + j] += zo;
          dbias[3 * b + j] += zg;
          // The old state's adjoints carry to step t - 1; the input's goes down a layer.
          dHidden[hs + j] = zi * w[b + j] + zg * w[3 * b + j];
          dCell[hs + j] = dc * f;
          double dIn = zf * w[j] + zo * w[2 * b + j];
          if (layer == 0) {
            dInWeight[j] += dIn * sequence[t][j];
          } else {
            dHidden[hs - b + j] += dIn;
          }
        }
      }
    }
  }

  private static double sigmoid(double v) {
    return 1.0 / (1.0 + Math.exp(-v));
  }
}
