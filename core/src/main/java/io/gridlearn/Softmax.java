package io.gridlearn;

/**
 * Multinomial logistic (softmax) regression of a class column with codes 0..K−1. For n rows it minimises
 * <pre>
 *   (1/n) Σᵢ [ log Σₖ e^(b₀ₖ + xᵢ·bₖ) − (b₀ᵧ + xᵢ·bᵧ) ]  +  (λ/2) Σₖ ‖bₖ‖²,   y = yᵢ,
 * </pre>
 * scikit-learn's multinomial objective, with ½‖Σₖ θₖ‖² fixing the otherwise free shift of the parameters
 * (intercepts are centred). Newton on all K(p+1) parameters, one pass per iteration, or L-BFGS.
 *
 * <p>Built through {@link #of()}; the methods are those of {@link Logistic} (an L2 penalty only).
 */
public final class Softmax {
    private Softmax() {
    }

    /** Maximum likelihood, Newton, intercepts, features as they are. */
    public static Logistic of() {
        return new Logistic(true);
    }
}
