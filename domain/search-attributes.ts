/**
 * Typed search attributes shared by workflows, the worker, the CLI, the UI and the dev server.
 * Only codes and dates: never names or dossier content (PII stays out of visibility).
 */
import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

export const SA = {
  /** nomination | registration | compact | plan | complaint | quota | drive | advanced-model */
  kind: defineSearchAttributeKey('TdktKind', SearchAttributeType.KEYWORD),
  unit: defineSearchAttributeKey('TdktUnit', SearchAttributeType.KEYWORD),
  cluster: defineSearchAttributeKey('TdktCluster', SearchAttributeType.KEYWORD),
  campaign: defineSearchAttributeKey('TdktCampaign', SearchAttributeType.KEYWORD),
  year: defineSearchAttributeKey('TdktYear', SearchAttributeType.INT),
  stage: defineSearchAttributeKey('TdktStage', SearchAttributeType.KEYWORD),
  status: defineSearchAttributeKey('TdktStatus', SearchAttributeType.KEYWORD),
  awardForm: defineSearchAttributeKey('TdktAwardForm', SearchAttributeType.KEYWORD),
  dueAt: defineSearchAttributeKey('TdktDueAt', SearchAttributeType.DATETIME),
  /** The role that must act next (for "Việc cần làm" inboxes). */
  waitingRole: defineSearchAttributeKey('TdktWaitingRole', SearchAttributeType.KEYWORD),
  /** The unit whose staff must act next. */
  waitingUnit: defineSearchAttributeKey('TdktWaitingUnit', SearchAttributeType.KEYWORD),
} as const;

export const ALL_SEARCH_ATTRIBUTES = Object.values(SA);

/** `--search-attribute Name=Type` arguments for `temporal server start-dev`. */
export function devServerSearchAttributeArgs(): string[] {
  const cliType: Record<string, string> = {
    [SearchAttributeType.KEYWORD]: 'Keyword',
    [SearchAttributeType.INT]: 'Int',
    [SearchAttributeType.DATETIME]: 'Datetime',
    [SearchAttributeType.TEXT]: 'Text',
    [SearchAttributeType.BOOL]: 'Bool',
    [SearchAttributeType.DOUBLE]: 'Double',
    [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
  };
  return ALL_SEARCH_ATTRIBUTES.flatMap((key) => ['--search-attribute', `${key.name}=${cliType[key.type]}`]);
}
