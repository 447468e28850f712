/** What the rule editor's preview shows: nothing yet, what to fix, or the last 24 hours. */
export type RulePreviewState =
  | { status: 'idle' }
  | { status: 'invalid'; fieldErrors: Record<string, string> }
  | { status: 'monitor' }
  | {
      status: 'ready';
      metricType: string;
      aggregation: string;
      points: Array<{ at: number; value: number | null }>;
      fires: number;
      threshold: number;
      recoveryThreshold: number | null;
    };
