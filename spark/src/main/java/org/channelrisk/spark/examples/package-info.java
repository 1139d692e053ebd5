/**
 * A runnable sweep for {@code spark-submit} and Spark local mode:
 * {@link org.channelrisk.spark.examples.TakedownPlanSweep}.
 */
package org.channelrisk.spark.examples;
