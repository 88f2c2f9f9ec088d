/**
 * A regional procuracy of the demo province outside any cluster, and its emulation clerk: the smallest case context
 * the pure nomination rules need (tests of the machine without Temporal). `staffCount` varies by test: the quotas
 * it sets are what several tests are about.
 */
import type { CaseContext } from '../../domain/nomination/types.js';

export function regionalUnitContext(staffCount: number): CaseContext {
  return {
    unit: { id: 'hd-kv1', name: 'VKSND khu vực 1', level: 'regional', staffCount, collectiveCount: 3 },
    clusterId: null,
    clusterHeadUnitId: null,
    clusterMemberUnitIds: [],
    council: { unitId: 'hd', secretariatUnitId: 'hd-vp', chairUserId: 'vientruong', members: [] },
    higherLevelUnitId: 'vkstc',
    awardHistory: [],
    holidays: [],
  };
}

export const REGIONAL_CLERK = {
  userId: 'vanthu',
  displayName: 'Văn thư',
  role: 'unit_clerk' as const,
  unitId: 'hd-kv1',
  actingFor: null,
};
