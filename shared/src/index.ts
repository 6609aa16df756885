/**
 * Symmetry Barometer engine: the public surface. Pure functions and schemas, no I/O, no Office,
 * no Azure. Every formula cites docs/domain.md and its source.
 */
export { SymError, isSymError, describeValue, describeList, truncateText, MAX_QUOTED_INPUT, MAX_LISTED_INPUT } from "./errors";
export type { SymErrorCode, SymErrorDetails, CellPosition } from "./errors";

export * from "./model/schemas";
export { DEFAULT_MODEL, defaultModel } from "./model/defaultModel";
export { normaliseHeader, suggestColumn, suggestMapping } from "./model/headers";
export type { SuggestOptions, SuggestedMapping } from "./model/headers";

export {
  NON_ANSWERS,
  MISSING,
  isMissing,
  readAnswer,
  parseNumericText,
  checkScale,
  checkInScale,
  normaliseAnswer,
  checkRecommendation,
} from "./scale/answers";
export type { Cell } from "./scale/answers";
export { MAX_SCALE_MAGNITUDE, MAX_METRIC_MAGNITUDE } from "./scale/limits";
export { respondentScore, groupScore, favourableShare } from "./scale/scores";

export {
  emptyCounts,
  countTotal,
  addRecommendation,
  countRecommendations,
  mergeCounts,
  netPromoterScore,
  npsStandardError,
  npsInterval,
  npsDifference,
} from "./nps/nps";
export type { RecommendationCounts, NpsInterval, NpsDifference } from "./nps/nps";

export { welchGapTest } from "./gap/welch";
export type { GapTest } from "./gap/welch";
export { gapStatus } from "./gap/status";
export type { GapVerdict } from "./gap/status";
export { symmetryIndex } from "./gap/symmetryIndex";

export { cronbachAlpha, cronbachAlphaFromCovariance, ItemCovarianceAccumulator } from "./reliability/cronbach";

export { CONFIDENTIALITY_FLOOR, DEFAULT_MIN_GROUP_SIZE, suppressGroups, isShowable } from "./privacy/suppression";
export type { GroupCount, SuppressionDecision, SuppressionReason } from "./privacy/suppression";

export {
  pearson,
  spearman,
  averageRanks,
  correlationTest,
  fisherInterval,
  correlationPValue,
  benjaminiHochberg,
} from "./correlation/correlation";
export type { CorrelationMethod, CorrelationTest } from "./correlation/correlation";

export { COST_RATIO_PRESETS, DEFAULT_COST_RATIO, turnoverRate, turnoverCost } from "./turnover/turnover";

export { emptySummary, addToSummary, mergeSummaries, summarise, summaryVariance } from "./_lib/summary";
export type { SampleSummary } from "./_lib/summary";

export { PopulationAccumulator, PopulationAggregateSchema, mergeGroupAggregates } from "./barometer/aggregate";
export type { PopulationAggregate, GroupAggregate, PopulationLayout, ItemColumn } from "./barometer/aggregate";
export { computeBarometer, groupEnps } from "./barometer/barometer";
export type { Barometer, BarometerOptions, BarometerGroupResult } from "./barometer/barometer";

export { replicateSeed, drawResampleCounts } from "./random/replicateGenerator";
export { percentile, percentileInterval } from "./linkage/percentile";
export { relativeWeights } from "./linkage/relativeWeights";
export type { RelativeWeights } from "./linkage/relativeWeights";
export { simpleRegression } from "./linkage/regression";
export type { SimpleRegression } from "./linkage/regression";
export { orderWaves, buildAnalysisTable } from "./linkage/table";
export type { AnalysisTable } from "./linkage/table";
export { UnitRowSchema, LinkageRequestSchema } from "./linkage/schemas";
export type {
  UnitRow,
  LinkageRequest,
  ParsedLinkageRequest,
  LinkageResult,
  CorrelationRow,
  QuartileRow,
  DriverRow,
  TurnoverLinkage,
} from "./linkage/schemas";
export {
  planLinkage,
  bootstrapChunk,
  bootstrapRanges,
  completeLinkage,
  runLinkage,
  summariseBootstrapChunk,
  BootstrapMerge,
} from "./linkage/analysis";
export type { LinkagePlan, BootstrapChunk, BootstrapChunkSummary } from "./linkage/analysis";
export { bootstrapTailSize, summariseSeries, mergeSeriesSummaries, summaryInterval } from "./linkage/bootstrapSummary";
export type { SeriesSummary } from "./linkage/bootstrapSummary";
export { checkLinkageLimits, linkageSize, DEFAULT_LINKAGE_LIMITS } from "./linkage/limits";
export type { LinkageLimits, LinkageSize } from "./linkage/limits";

export { rangeShape, vectorShape, checkSameShape, failAt, readCellAt, readInScaleAt } from "./ranges/cells";
export type { CellRange, RangeShape } from "./ranges/cells";
export { checkMinimumAnswers, requireShowable } from "./ranges/threshold";
export {
  recommendationCountsOfRange,
  readRecommendationAt,
  npsOfRange,
  npsIntervalOfRange,
  npsDifferenceOfRanges,
} from "./ranges/recommendationRange";
export {
  DEFAULT_ANSWER_SCALE,
  respondentScoresOfRange,
  scoreSummaryOfRange,
  scoreOfRange,
  favourableShareOfRange,
  gapOfRanges,
  gapTestOfRanges,
} from "./ranges/scoreRange";
export type { GapOfRanges, GapTestOfRanges } from "./ranges/scoreRange";
export {
  pairedValuesOfRanges,
  parseCorrelationMethod,
  correlationOfRanges,
  correlationTestOfRanges,
  symmetryIndexOfRange,
} from "./ranges/pairedRange";
export type { PairedValues } from "./ranges/pairedRange";
export { alphaOfRange } from "./ranges/itemRange";
export { parseGroupMetric, groupsOfRange } from "./ranges/groupRange";
export type { GroupMetric, GroupFigure } from "./ranges/groupRange";
export { heatmapOfRanges, parseHeatmapViews, unitTypeIndex } from "./ranges/heatmapRange";
export type { HeatmapOfRanges, HeatmapOfRangesInput, HeatmapView } from "./ranges/heatmapRange";
export { UnitAttributesSchema, CUSTOMER_METRIC_PREFIX, unitRowsFromAggregates } from "./linkage/unitAggregation";
export type { UnitAttributes } from "./linkage/unitAggregation";
export { MAPPING_XML_ROOT, mappingToXml, mappingFromXml } from "./model/mappingXml";
export { ColumnarPopulationAccumulator } from "./streaming/columnarAccumulator";
export { resampleCorrelation } from "./linkage/weightedColumns";
export {
  BenchmarkSectorSchema,
  BenchmarkWaveSchema,
  BenchmarkContributionSchema,
  checkContribution,
  contributionThreshold,
} from "./benchmark/contribution";
export type { BenchmarkContribution, BenchmarkContributionInput } from "./benchmark/contribution";
export {
  MIN_BENCHMARK_ORGANISATIONS,
  BENCHMARK_PERCENTILES,
  BENCHMARK_WINDOW,
  latestContributions,
  publishedPercentile,
  summarisePool,
} from "./benchmark/pool";
export type { PoolPercentiles, BenchmarkSummary, PooledContribution } from "./benchmark/pool";
export { BenchmarkSummarySchema, NotEnoughOrganisationsSchema } from "./benchmark/summarySchema";
export { percentileRank, percentileRanks } from "./benchmark/percentileRank";
export { MAX_NEW_WAVES_PER_WINDOW, WAVE_WINDOW_DAYS, newWaveRefusal } from "./benchmark/waveRule";
export type { NewWaveRefusal, OpenedWave } from "./benchmark/waveRule";
export type { PercentileRank, BenchmarkRanks } from "./benchmark/percentileRank";
export { DEFAULT_MIN_DRIVER_UNITS, driversOfRanges } from "./ranges/driverRange";
export type { DriverOfRange, DriversOfRanges, DriversOptions } from "./ranges/driverRange";
export { recogniseUnitsColumns } from "./model/unitsColumns";
export type { UnitsColumnField } from "./model/unitsColumns";
export { jointSuppression } from "./privacy/jointSuppression";
export type { CellGrouping, JointSuppression, JointSuppressionReason, JointSuppressionOptions } from "./privacy/jointSuppression";
export { sumCells, cellKey } from "./heatmap/cellTable";
export type { CellTable, CellSums } from "./heatmap/cellTable";
export { MAX_GROUPS, resolveGrouping, groupingNotes, compareLabels } from "./heatmap/groupings";
export type { HeatmapGrouping, ResolvedGrouping, GroupingNote } from "./heatmap/groupings";
export { computeHeatmap, outputConfidentiality, decideOutput, publishedGroupings } from "./heatmap/heatmap";
export type { Heatmap, HeatmapEntry, HeatmapGroup, HeatmapCell, HeatmapOptions, OutputConfidentiality } from "./heatmap/heatmap";
export { supportVersusFront, FRONT_OFFICE, SUPPORT } from "./heatmap/supportFront";
export type { SupportVersusFront, SupportVersusFrontRow, SupportVersusFrontOptions, TypeScore } from "./heatmap/supportFront";
export { ATTRIBUTE_SEPARATOR } from "./streaming/columnarAccumulator";
export { headlineOf } from "./gap/headline";
export type { Headline } from "./gap/headline";
export { isIsoDateWave, orderSurveyWaves } from "./trend/waveOrder";
export { scoreChange, gapChange, gapChangeStatus, npsChange } from "./trend/change";
export type { ScoreChange, GapSamples, GapChange, GapChangeStatus, NpsChange } from "./trend/change";
export { computeTrend, wavePopulationsFromUnits } from "./trend/trend";
export type {
  WavePopulation,
  WaveInput,
  TrendOptions,
  TrendGapStatus,
  TrendScore,
  TrendWaveDimension,
  TrendUnit,
  TrendWave,
  TrendChangeStatus,
  TrendScoreChange,
  TrendDimensionChange,
  TrendChange,
  Trend,
} from "./trend/trend";
export { gapChangeOfRanges } from "./ranges/gapChangeRange";
export type { GapChangeOfRanges } from "./ranges/gapChangeRange";
export {
  NO_BREAK_SPACE,
  SMALLEST_SHOWN_P,
  formatNumber,
  formatSigned,
  formatCount,
  formatInterval,
  formatP,
  pValueNumberFormat,
  fewerThan,
  formatOrHidden,
} from "./format/display";
export type { NumberStyle, ThousandsSpace } from "./format/display";
export { planClientDeck, countOrFewer } from "./deck/clientDeck";
export type { ClientDeckInput, DeckBarometer } from "./deck/clientDeck";
export { planManagerDecks } from "./deck/managerDeck";
export type { ManagerDecksInput, ManagerDeck } from "./deck/managerDeck";
export { planEmployeeSummary } from "./deck/employeeSummary";
export { renderDeck } from "./deck/renderDeck";
export type { DeckPlan, DeckSlide, DeckBlock, SlideRole, Tone, KeyFigure, TableCell, ChartSeries } from "./deck/plan";
export { unitDriverShares, rankPriorities } from "./priorities/priorities";
export type { ImpactSource, DriverShares, PriorityInput, Priority } from "./priorities/priorities";
