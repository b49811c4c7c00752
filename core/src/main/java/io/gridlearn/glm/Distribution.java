package io.gridlearn.glm;

import io.gridlearn.stats.Gamma;

/**
 * The per-row mathematics of one family with one link, exactly as statsmodels 0.13 computes it: the link, its
 * inverse and derivative, the variance function, the unit deviance (with statsmodels' clipping of ratios at
 * the machine epsilon), the starting mean of IRLS and the scale-free parts of the log-likelihood. Immutable;
 * used on members inside {@link GlmKernel} and on the driver.
 */
final class Distribution {
    /** numpy's {@code np.finfo(float).eps}, statsmodels' {@code FLOAT_EPS}. */
    static final double EPS = Math.ulp(1.0);

    private static final int K_POWER = 0;
    private static final int K_LOG = 1;
    private static final int K_LOGIT = 2;
    private static final int K_CLOGLOG = 3;

    final Family family;
    final Link link;
    final double variancePower;
    final double nbAlpha;
    private final int kind;
    private final double q;

    Distribution(Family family, Link link, double variancePower, double linkPower, double nbAlpha) {
        this.family = family;
        this.link = link;
        this.variancePower = variancePower;
        this.nbAlpha = nbAlpha;
        double pw = link.power(linkPower);
        if (link == Link.LOG || (link == Link.POWER && pw == 0.0)) {
            kind = K_LOG;
        } else if (link == Link.LOGIT) {
            kind = K_LOGIT;
        } else if (link == Link.CLOGLOG) {
            kind = K_CLOGLOG;
        } else {
            kind = K_POWER;
        }
        q = pw;
    }

    private static double clip01(double p) {
        return p < EPS ? EPS : p > 1.0 - EPS ? 1.0 - EPS : p;
    }

    /** η = g(μ). */
    double link(double mu) {
        switch (kind) {
            case K_LOG:
                return Math.log(mu);
            case K_LOGIT: {
                double p = clip01(mu);
                return Math.log(p / (1.0 - p));
            }
            case K_CLOGLOG: {
                double p = clip01(mu);
                return Math.log(-Math.log(1.0 - p));
            }
            default:
                return q == 1.0 ? mu : q == -1.0 ? 1.0 / mu : Math.pow(mu, q);
        }
    }

    /** μ = g⁻¹(η). */
    double inverse(double eta) {
        switch (kind) {
            case K_LOG:
                return Math.exp(eta);
            case K_LOGIT:
                return 1.0 / (1.0 + Math.exp(-eta));
            case K_CLOGLOG:
                return 1.0 - Math.exp(-Math.exp(eta));
            default:
                return q == 1.0 ? eta : q == -1.0 ? 1.0 / eta : Math.pow(eta, 1.0 / q);
        }
    }

    /** g'(μ). */
    double deriv(double mu) {
        switch (kind) {
            case K_LOG:
                return 1.0 / mu;
            case K_LOGIT: {
                double p = clip01(mu);
                return 1.0 / (p * (1.0 - p));
            }
            case K_CLOGLOG: {
                double p = clip01(mu);
                return 1.0 / ((p - 1.0) * Math.log(1.0 - p));
            }
            default:
                return q == 1.0 ? 1.0 : q * Math.pow(mu, q - 1.0);
        }
    }

    /** V(μ). */
    double variance(double mu) {
        return switch (family) {
            case GAUSSIAN -> 1.0;
            case BINOMIAL -> {
                double p = clip01(mu);
                yield p * (1.0 - p);
            }
            case POISSON -> mu;
            case GAMMA -> mu * mu;
            case TWEEDIE -> Math.pow(mu, variancePower);
            case NEGATIVE_BINOMIAL -> mu + nbAlpha * mu * mu;
        };
    }

    /** True when the response value is in the family's support. */
    boolean validResponse(double y) {
        return switch (family) {
            case GAUSSIAN -> true;
            case BINOMIAL -> y >= 0.0 && y <= 1.0;
            case POISSON, NEGATIVE_BINOMIAL -> y >= 0.0;
            case GAMMA -> y > 0.0;
            case TWEEDIE -> variancePower == 0.0 || (variancePower < 2.0 ? y >= 0.0 : y > 0.0);
        };
    }

    /** What the family allows, for messages. */
    String support() {
        return switch (family) {
            case GAUSSIAN -> "any finite value";
            case BINOMIAL -> "a value in [0, 1]";
            case POISSON, NEGATIVE_BINOMIAL -> "a non-negative count";
            case GAMMA -> "a positive value";
            case TWEEDIE -> variancePower == 0.0 ? "any finite value"
                    : variancePower < 2.0 ? "a non-negative value" : "a positive value";
        };
    }

    /** True when a fitted mean is inside the family's domain (else the step leaves it and is halved). */
    boolean validMean(double mu) {
        if (!Double.isFinite(mu)) {
            return false;
        }
        return switch (family) {
            case GAUSSIAN -> true;
            case BINOMIAL -> mu >= 0.0 && mu <= 1.0;
            case TWEEDIE -> variancePower == 0.0 || mu > 0.0;
            default -> mu > 0.0;
        };
    }

    /** statsmodels' {@code starting_mu}: (y + 0.5)/2 for binomial, (y + ȳ)/2 otherwise. */
    double startMean(double y, double mean) {
        return family == Family.BINOMIAL ? (y + 0.5) / 2.0 : (y + mean) / 2.0;
    }

    private static double clean(double x) {
        return x < EPS ? EPS : x; // statsmodels' Family._clean: np.clip(x, FLOAT_EPS, np.inf)
    }

    /** statsmodels' {@code _resid_dev}: the unit deviance of one row. */
    double unitDeviance(double y, double mu) {
        switch (family) {
            case GAUSSIAN:
                return (y - mu) * (y - mu);
            case BINOMIAL: {
                double a = clean(y / (mu + 1e-20));
                double b = clean((1.0 - y) / (1.0 - mu + 1e-20));
                return 2.0 * (y * Math.log(a) + (1.0 - y) * Math.log(b));
            }
            case POISSON:
                return 2.0 * ((y == 0.0 ? 0.0 : y * Math.log(clean(y / mu))) - (y - mu)); // 0·log(ε) = 0
            case GAMMA:
                return 2.0 * (-Math.log(clean(y / mu)) + (y - mu) / mu);
            case NEGATIVE_BINOMIAL: {
                double ya = y + 1.0 / nbAlpha;
                double ma = mu + 1.0 / nbAlpha;
                return 2.0 * (y * Math.log(clean(y / mu)) - ya * Math.log(ya / ma));
            }
            default: {
                double p = variancePower;
                if (p == 1.0) {
                    return 2.0 * (y == 0.0 ? mu : y * Math.log(y / mu) + (mu - y));
                }
                if (p == 2.0) {
                    return 2.0 * ((y - mu) / mu - Math.log(clean(y) / mu));
                }
                return 2.0 * (Math.pow(y, 2.0 - p) / ((1.0 - p) * (2.0 - p)) - y * Math.pow(mu, 1.0 - p) / (1.0 - p)
                        + Math.pow(mu, 2.0 - p) / (2.0 - p));
            }
        }
    }

    /**
     * The scale-free parts of one row's log-likelihood, added into {@code out[0..2]}: Poisson, binomial and
     * negative binomial the whole log-likelihood (scale 1) in {@code out[0]}; Gamma log(c), c and log y with
     * c = clean(y/μ) (the driver completes it with the estimated scale); Gaussian and Tweedie nothing (the
     * Gaussian log-likelihood follows from the deviance; statsmodels has none for Tweedie).
     */
    void logLikelihoodParts(double y, double mu, double w, double[] out, int at) {
        switch (family) {
            case POISSON:
                out[at] += w * ((y == 0.0 ? 0.0 : y * Math.log(mu)) - mu - logFactorial(y));
                break;
            case BINOMIAL: {
                double c = (y == 0.0 || y == 1.0) ? 0.0 : -Gamma.logGamma(y + 1.0) - Gamma.logGamma(2.0 - y);
                double yl = y == 0.0 ? 0.0 : y * Math.log(mu / (1.0 - mu + 1e-20));
                out[at] += w * (c + yl + Math.log(1.0 - mu + 1e-20));
                break;
            }
            case NEGATIVE_BINOMIAL: {
                double a = nbAlpha;
                double v = (y == 0.0 ? 0.0 : y * Math.log(a * mu)) - (y + 1.0 / a) * Math.log(1.0 + a * mu)
                        + Gamma.logGamma(y + 1.0 / a) - Gamma.logGamma(1.0 / a) - logFactorial(y);
                out[at] += w * v;
                break;
            }
            case GAMMA: {
                double c = clean(y / mu);
                out[at] += w * Math.log(c);
                out[at + 1] += w * c;
                out[at + 2] += w * Math.log(y);
                break;
            }
            default:
                break;
        }
    }

    private static double logFactorial(double y) {
        return y == 0.0 || y == 1.0 ? 0.0 : Gamma.logGamma(y + 1.0);
    }
}
