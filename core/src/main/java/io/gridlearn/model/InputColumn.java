package io.gridlearn.model;

import java.util.Objects;

/**
 * A column besides its features that a model reads to predict, named by its learner
 * ({@link io.gridlearn.runtime.Learner#inputs}): a generalized linear model fit with an offset reads the offset
 * column o and predicts g⁻¹(b₀ + x·b + o). Its value follows the features in the row a {@link RowPredictor}
 * gets, in the order the learner lists its inputs. It is never imputed: data without the column is refused,
 * and a row whose value is missing is left unscored, as a row with a missing feature.
 *
 * @param name the column's name in the data to score
 * @param role what the model does with it, for messages (e.g. {@code "its offset, added to the linear predictor"})
 */
public record InputColumn(String name, String role) {
    /**
     * @param name the column's name in the data to score, not null
     * @param role what the model does with it, not null
     */
    public InputColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
    }
}
