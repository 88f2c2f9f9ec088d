/** What every route plugin is registered with: the database, the Temporal clients, the config. */
import type { AppConfig } from '../../../domain/config.js';
import type { SqlDatabase } from '../../../store/sql.js';
import type { CasesClient } from '../../lib/cases.js';
import type { LaunchOutcome } from '../../lib/plan-issue.js';
import type { IssuePlanInput, PlanVersion } from '../../../store/plans.js';
import type { YearCasesClient } from '../../lib/year-cases.js';
import type { CampaignSources } from '../campaign-options.js';
import type { RehearsalInput, RehearsalResult } from '../../../domain/rehearsal/types.js';

export interface WebDeps {
  db: SqlDatabase;
  /** Nominations: start, act, read, list and count (the only way routes reach Temporal for them). */
  cases: CasesClient;
  /** The year's plan, registrations, compacts, advanced models and movements. */
  yearCases: YearCasesClient;
  config: Pick<AppConfig, 'TEMPORAL_UI_URL' | 'OUTBOX_DIR' | 'PUBLIC_URL'>;
  showOutbox: boolean;
  /** Where the new-nomination form finds open campaigns (read from the database at each request). */
  campaignSources: () => Promise<CampaignSources>;
  /** The organisation whose plans the pages follow (configuration, else the directory's one council). */
  organisation: () => Promise<string | null>;
  /** Issues a plan and launches it when its season has come (client/lib/plan-issue.ts issueAndLaunchPlan). */
  issuePlan: (input: IssuePlanInput) => Promise<{ version: PlanVersion; launch: LaunchOutcome }>;
  /** Rehearses a drafted plan (diễn tập; client/lib/rehearsal.ts, in a process of its own). */
  rehearse: (input: RehearsalInput) => Promise<RehearsalResult>;
}

/** The options of `app.register(routes, { deps })`. */
export interface RouteOptions {
  deps: WebDeps;
}
