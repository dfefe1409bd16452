package dev.jgrad.benchmarks;

import org.hipparchus.analysis.differentiation.Gradient;

/** {@link Ba#reprojectionError} in forward mode with Hipparchus {@link Gradient}. */
public final class BaForward {
  private BaForward() {}

  /** Both coordinates of {@code w (proj - feat)}, with their derivatives. */
  public static Gradient[] reprojectionError(Gradient[] cam, Gradient[] x, Gradient w,
      double[] feat) {
    Gradient x0 = x[0].subtract(cam[Ba.CENTRE]);
    Gradient x1 = x[1].subtract(cam[Ba.CENTRE + 1]);
    Gradient x2 = x[2].subtract(cam[Ba.CENTRE + 2]);
    Gradient r0 = cam[Ba.ROTATION];
    Gradient r1 = cam[Ba.ROTATION + 1];
    Gradient r2 = cam[Ba.ROTATION + 2];
    Gradient thetaSquared = r0.square().add(r1.square()).add(r2.square());
    Gradient y0;
    Gradient y1;
    Gradient y2;
    if (thetaSquared.getValue() != 0.0) {
      Gradient theta = thetaSquared.sqrt();
      Gradient cos = theta.cos();
      Gradient sin = theta.sin();
      Gradient v0 = r0.divide(theta);
      Gradient v1 = r1.divide(theta);
      Gradient v2 = r2.divide(theta);
      Gradient along = v0.multiply(x0).add(v1.multiply(x1)).add(v2.multiply(x2))
          .multiply(cos.negate().add(1.0));
      y0 = x0.multiply(cos).add(v1.multiply(x2).subtract(v2.multiply(x1)).multiply(sin))
          .add(v0.multiply(along));
      y1 = x1.multiply(cos).add(v2.multiply(x0).subtract(v0.multiply(x2)).multiply(sin))
          .add(v1.multiply(along));
      y2 = x2.multiply(cos).add(v0.multiply(x1).subtract(v1.multiply(x0)).multiply(sin))
          .add(v2.multiply(along));
    } else {
      y0 = x0.add(r1.multiply(x2)).subtract(r2.multiply(x1));
      y1 = x1.add(r2.multiply(x0)).subtract(r0.multiply(x2));
      y2 = x2.add(r0.multiply(x1)).subtract(r1.multiply(x0));
    }
    Gradient p0 = y0.divide(y2);
    Gradient p1 = y1.divide(y2);
    Gradient rSquared = p0.square().add(p1.square());
    Gradient scale = cam[Ba.DISTORTION].multiply(rSquared)
        .add(cam[Ba.DISTORTION + 1].multiply(rSquared.square())).add(1.0)
        .multiply(cam[Ba.FOCAL]);
    return new Gradient[] {
        p0.multiply(scale).add(cam[Ba.PRINCIPAL]).subtract(feat[0]).multiply(w),
        p1.multiply(scale).add(cam[Ba.PRINCIPAL + 1]).subtract(feat[1]).multiply(w)};
  }
}
