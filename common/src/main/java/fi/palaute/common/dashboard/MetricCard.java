package fi.palaute.common.dashboard;

import fi.palaute.common.score.ResponseRate;

/** One metric's headline: this period's score with n and interval, the response rate, and the change. */
public record MetricCard(ScoreValue now, ScoreValue previous, ResponseRate responseRate, ScoreValue.Change change) {}
