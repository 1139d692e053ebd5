/**
 * Parameter sweeps and Monte Carlo ensembles on Apache Spark, equal to the local engine's results.
 *
 * <pre>{@code
 * SweepGrid grid = SweepGrid.builder().axis("compliance", 0.5, 0.9).build();
 * ScenarioRecipe recipe = p -> Presets.actionDay2019(1_000, Presets.telegram2019().withCompliance(p.number("compliance")));
 * SweepResult r = SparkSweep.over(grid, recipe).replicates(200).seed(2019).build().run(spark);
 * r.toDataset(spark).write().parquet("sweep.parquet");
 * }</pre>
 *
 * <p>{@link org.channelrisk.spark.SweepGrid} and {@link org.channelrisk.spark.ScenarioRecipe} describe
 * the scenarios, {@link org.channelrisk.spark.SparkSweep} runs them (on Spark or locally) and
 * {@link org.channelrisk.spark.SweepResult} holds the per-scenario summaries and their tidy table.
 */
package org.channelrisk.spark;
