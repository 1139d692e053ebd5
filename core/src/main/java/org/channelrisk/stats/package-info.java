/**
 * Statistics shared by every estimator of the library: {@link org.channelrisk.stats.Estimate} (a
 * value with its confidence limits and the method that gave them), {@link
 * org.channelrisk.stats.CriticalValues} (normal and Student t critical values for a confidence
 * level) and {@link org.channelrisk.stats.SampleQuantiles} (R's type-7 sample quantiles).
 *
 * <p>This package sits at the bottom of the library's layering, beside {@code model}: {@code
 * survival}, {@code fit}, {@code recovery}, {@code sim}, {@code cooperation} and the inference
 * packages use it, and it uses nothing of theirs. That is why an estimate of a Kaplan–Meier median
 * and an estimate of a recovery time are the same type.
 *
 * <pre>{@code
 * Estimate median = KaplanMeier.estimate(data).pooled().median();
 * median.value();                          // 27.0 on R's aml data
 * median.toString();                       // "27.0000 (18.0000, 45.0000; log transform, 95%)"
 * CriticalValues.normal(0.95);             // 1.959963984540054
 * SampleQuantiles.of(values, 0.95);        // as R quantile(values, 0.95)
 * }</pre>
 *
 * <p>All classes are immutable or stateless and safe to use from any thread.
 */
package org.channelrisk.stats;
