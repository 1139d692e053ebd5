package org.channelrisk.fit;

/** The 27 NIST StRD nonlinear models with analytic gradients (b1 is b[0]). */
public final class NistModels {
  private NistModels() {}

  /** A model from a value and a gradient function. */
  interface Value {
    double at(double[] x, double[] b);
  }

  interface Gradient {
    void at(double[] x, double[] b, double[] g);
  }

  static Model model(int p, Value v, Gradient g) {
    return new Model() {
      @Override
      public int parameters() {
        return p;
      }

      @Override
      public double value(double[] x, double[] b) {
        return v.at(x, b);
      }

      @Override
      public void gradient(double[] x, double[] b, double[] out) {
        g.at(x, b, out);
      }
    };
  }

  /**
   * @param name a NIST dataset name
   * @return its model
   */
  public static Model of(String name) {
    switch (name) {
      case "Misra1a":
      case "BoxBOD":
        return model(2, (x, b) -> b[0] * (1 - Math.exp(-b[1] * x[0])), (x, b, g) -> {
          double e = Math.exp(-b[1] * x[0]);
          g[0] = 1 - e;
          g[1] = b[0] * x[0] * e;
        });
      case "Chwirut1":
      case "Chwirut2":
        return model(3, (x, b) -> Math.exp(-b[0] * x[0]) / (b[1] + b[2] * x[0]), (x, b, g) -> {
          double e = Math.exp(-b[0] * x[0]);
          double d = b[1] + b[2] * x[0];
          g[0] = -x[0] * e / d;
          g[1] = -e / (d * d);
          g[2] = -x[0] * e / (d * d);
        });
      case "Lanczos1":
      case "Lanczos2":
      case "Lanczos3":
        return model(6, (x, b) -> b[0] * Math.exp(-b[1] * x[0]) + b[2] * Math.exp(-b[3] * x[0]) + b[4] * Math.exp(-b[5] * x[0]),
            (x, b, g) -> {
              for (int k = 0; k < 3; k++) {
                double e = Math.exp(-b[2 * k + 1] * x[0]);
                g[2 * k] = e;
                g[2 * k + 1] = -b[2 * k] * x[0] * e;
              }
            });
      case "Gauss1":
      case "Gauss2":
      case "Gauss3":
        return model(8, (x, b) -> {
          double t = x[0];
          return b[0] * Math.exp(-b[1] * t) + b[2] * Math.exp(-sq(t - b[3]) / sq(b[4])) + b[5] * Math.exp(-sq(t - b[6]) / sq(b[7]));
        }, (x, b, g) -> {
          double t = x[0];
          double e1 = Math.exp(-b[1] * t);
          g[0] = e1;
          g[1] = -b[0] * t * e1;
          for (int k = 0; k < 2; k++) {
            double amp = b[2 + 3 * k];
            double c = b[3 + 3 * k];
            double w = b[4 + 3 * k];
            double e = Math.exp(-sq(t - c) / sq(w));
            g[2 + 3 * k] = e;
            g[3 + 3 * k] = amp * e * 2 * (t - c) / sq(w);
            g[4 + 3 * k] = amp * e * 2 * sq(t - c) / (w * w * w);
          }
        });
      case "DanWood":
        return model(2, (x, b) -> b[0] * Math.pow(x[0], b[1]), (x, b, g) -> {
          double xp = Math.pow(x[0], b[1]);
          g[0] = xp;
          g[1] = b[0] * xp * Math.log(x[0]);
        });
      case "Misra1b":
        return model(2, (x, b) -> b[0] * (1 - Math.pow(1 + b[1] * x[0] / 2, -2)), (x, b, g) -> {
          double u = 1 + b[1] * x[0] / 2;
          g[0] = 1 - Math.pow(u, -2);
          g[1] = b[0] * x[0] * Math.pow(u, -3);
        });
      case "Kirby2":
        return model(5, (x, b) -> {
          double t = x[0];
          return (b[0] + b[1] * t + b[2] * t * t) / (1 + b[3] * t + b[4] * t * t);
        }, (x, b, g) -> {
          double t = x[0];
          double n = b[0] + b[1] * t + b[2] * t * t;
          double d = 1 + b[3] * t + b[4] * t * t;
          g[0] = 1 / d;
          g[1] = t / d;
          g[2] = t * t / d;
          g[3] = -n * t / (d * d);
          g[4] = -n * t * t / (d * d);
        });
      case "Hahn1":
      case "Thurber":
        return model(7, (x, b) -> {
          double t = x[0];
          return (b[0] + b[1] * t + b[2] * t * t + b[3] * t * t * t) / (1 + b[4] * t + b[5] * t * t + b[6] * t * t * t);
        }, (x, b, g) -> {
          double t = x[0];
          double n = b[0] + b[1] * t + b[2] * t * t + b[3] * t * t * t;
          double d = 1 + b[4] * t + b[5] * t * t + b[6] * t * t * t;
          double tk = 1;
          for (int k = 0; k < 4; k++) {
            g[k] = tk / d;
            tk *= t;
          }
          tk = t;
          for (int k = 4; k < 7; k++) {
            g[k] = -n * tk / (d * d);
            tk *= t;
          }
        });
      case "Nelson":
        return model(3, (x, b) -> b[0] - b[1] * x[0] * Math.exp(-b[2] * x[1]), (x, b, g) -> {
          double e = Math.exp(-b[2] * x[1]);
          g[0] = 1;
          g[1] = -x[0] * e;
          g[2] = b[1] * x[0] * x[1] * e;
        });
      case "MGH17":
        return model(5, (x, b) -> b[0] + b[1] * Math.exp(-x[0] * b[3]) + b[2] * Math.exp(-x[0] * b[4]), (x, b, g) -> {
          double e4 = Math.exp(-x[0] * b[3]);
          double e5 = Math.exp(-x[0] * b[4]);
          g[0] = 1;
          g[1] = e4;
          g[2] = e5;
          g[3] = -b[1] * x[0] * e4;
          g[4] = -b[2] * x[0] * e5;
        });
      case "Misra1c":
        return model(2, (x, b) -> b[0] * (1 - Math.pow(1 + 2 * b[1] * x[0], -0.5)), (x, b, g) -> {
          double u = 1 + 2 * b[1] * x[0];
          g[0] = 1 - Math.pow(u, -0.5);
          g[1] = b[0] * x[0] * Math.pow(u, -1.5);
        });
      case "Misra1d":
        return model(2, (x, b) -> b[0] * b[1] * x[0] / (1 + b[1] * x[0]), (x, b, g) -> {
          double d = 1 + b[1] * x[0];
          g[0] = b[1] * x[0] / d;
          g[1] = b[0] * x[0] / (d * d);
        });
      case "Roszman1":
        return model(4, (x, b) -> b[0] - b[1] * x[0] - Math.atan(b[2] / (x[0] - b[3])) / ROSZMAN_PI, (x, b, g) -> {
          double d = x[0] - b[3];
          double v = b[2] / d;
          double k = 1 / (1 + v * v) / ROSZMAN_PI;
          g[0] = 1;
          g[1] = -x[0];
          g[2] = -k / d;
          g[3] = -k * b[2] / (d * d);
        });
      case "ENSO":
        return model(9, (x, b) -> {
          double t = x[0];
          double a = 2 * Math.PI * t / 12;
          double c4 = 2 * Math.PI * t / b[3];
          double c7 = 2 * Math.PI * t / b[6];
          return b[0] + b[1] * Math.cos(a) + b[2] * Math.sin(a) + b[4] * Math.cos(c4) + b[5] * Math.sin(c4)
              + b[7] * Math.cos(c7) + b[8] * Math.sin(c7);
        }, (x, b, g) -> {
          double t = x[0];
          double a = 2 * Math.PI * t / 12;
          double c4 = 2 * Math.PI * t / b[3];
          double c7 = 2 * Math.PI * t / b[6];
          g[0] = 1;
          g[1] = Math.cos(a);
          g[2] = Math.sin(a);
          g[4] = Math.cos(c4);
          g[5] = Math.sin(c4);
          g[3] = (-b[4] * Math.sin(c4) + b[5] * Math.cos(c4)) * (-2 * Math.PI * t / (b[3] * b[3]));
          g[7] = Math.cos(c7);
          g[8] = Math.sin(c7);
          g[6] = (-b[7] * Math.sin(c7) + b[8] * Math.cos(c7)) * (-2 * Math.PI * t / (b[6] * b[6]));
        });
      case "MGH09":
        return model(4, (x, b) -> {
          double t = x[0];
          return b[0] * (t * t + t * b[1]) / (t * t + t * b[2] + b[3]);
        }, (x, b, g) -> {
          double t = x[0];
          double n = t * t + t * b[1];
          double d = t * t + t * b[2] + b[3];
          g[0] = n / d;
          g[1] = b[0] * t / d;
          g[2] = -b[0] * n * t / (d * d);
          g[3] = -b[0] * n / (d * d);
        });
      case "Rat42":
        return model(3, (x, b) -> b[0] / (1 + Math.exp(b[1] - b[2] * x[0])), (x, b, g) -> {
          double e = Math.exp(b[1] - b[2] * x[0]);
          double d = 1 + e;
          g[0] = 1 / d;
          g[1] = -b[0] * e / (d * d);
          g[2] = b[0] * x[0] * e / (d * d);
        });
      case "MGH10":
        return model(3, (x, b) -> b[0] * Math.exp(b[1] / (x[0] + b[2])), (x, b, g) -> {
          double d = x[0] + b[2];
          double e = Math.exp(b[1] / d);
          g[0] = e;
          g[1] = b[0] * e / d;
          g[2] = -b[0] * e * b[1] / (d * d);
        });
      case "Eckerle4":
        return model(3, (x, b) -> (b[0] / b[1]) * Math.exp(-0.5 * sq((x[0] - b[2]) / b[1])), (x, b, g) -> {
          double z = (x[0] - b[2]) / b[1];
          double e = Math.exp(-0.5 * z * z);
          g[0] = e / b[1];
          g[1] = b[0] * e / (b[1] * b[1]) * (z * z - 1);
          g[2] = b[0] * e * z / (b[1] * b[1]);
        });
      case "Rat43":
        return model(4, (x, b) -> b[0] / Math.pow(1 + Math.exp(b[1] - b[2] * x[0]), 1 / b[3]), (x, b, g) -> {
          double e = Math.exp(b[1] - b[2] * x[0]);
          double u = 1 + e;
          double f = Math.pow(u, -1 / b[3]);
          g[0] = f;
          g[1] = -b[0] * f / u * e / b[3];
          g[2] = b[0] * f / u * e * x[0] / b[3];
          g[3] = b[0] * f * Math.log(u) / (b[3] * b[3]);
        });
      case "Bennett5":
        return model(3, (x, b) -> b[0] * Math.pow(b[1] + x[0], -1 / b[2]), (x, b, g) -> {
          double u = b[1] + x[0];
          double f = Math.pow(u, -1 / b[2]);
          g[0] = f;
          g[1] = -b[0] * f / u / b[2];
          g[2] = b[0] * f * Math.log(u) / (b[2] * b[2]);
        });
      default:
        throw new IllegalArgumentException("no NIST model named " + name);
    }
  }

  static final double ROSZMAN_PI = 3.141592653589793238462643383279;

  private static double sq(double v) {
    return v * v;
  }
}
