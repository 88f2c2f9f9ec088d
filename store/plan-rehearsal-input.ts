/**
 * What a rehearsal of a drafted plan runs over (issue 11), read from the directory: the draft's own cluster
 * line-up with its heads (the directory only learns them at issue time), the units' names, the council, and
 * the people who would receive the year's mail or act in a scenario. The rehearsal process gets this snapshot
 * and never opens the product's database.
 */
import type { ClusterLineup } from '../domain/plan-authoring/index.js';
import type { PlanYearContext } from '../domain/plan-year/plan-run.js';
import type { Plan } from '../domain/plan.js';
import type { RehearsalInput, RehearsalPerson, ScenarioId } from '../domain/rehearsal/types.js';
import { clusterHeadsForYear, getCouncil, getUnit, listClusters, listUsers } from './directory.js';
import { PlanStoreError } from './plans-error.js';
import type { SqlSession } from './sql.js';

async function lineupOrDirectory(db: SqlSession, plan: Plan, clusters: ClusterLineup[] | null) {
  if (clusters)
    return clusters.map((c) => ({
      id: c.clusterId,
      name: c.name,
      headUnitId: c.headUnitId,
      memberUnitIds: c.memberUnitIds,
    }));
  const all = await listClusters(db);
  const chosen = plan.clusterIds ? all.filter((c) => plan.clusterIds!.includes(c.id)) : all;
  return Promise.all(
    chosen.map(async (c) => ({
      id: c.id,
      name: c.name,
      headUnitId: (await clusterHeadsForYear(db, c.id, plan.year))?.headUnitId ?? null,
      memberUnitIds: c.memberUnitIds,
    })),
  );
}

export async function rehearsalInput(
  db: SqlSession,
  input: { plan: Plan; clusters: ClusterLineup[] | null; issueDate: string; scenarios: ScenarioId[] },
): Promise<RehearsalInput> {
  const { plan } = input;
  const org = await getUnit(db, plan.orgUnitId);
  const council = await getCouncil(db, plan.council.unitId);
  if (!org || !council)
    throw new PlanStoreError(
      'not_found',
      `Danh bạ chưa có đơn vị ban hành hoặc Hội đồng của kế hoạch (${plan.council.unitId})`,
    );
  const context: PlanYearContext = {
    council: { unitId: council.unitId, secretariatUnitId: council.secretariatUnitId },
    orgName: org.name,
    units: [],
    clusters: [],
  };
  for (const c of await lineupOrDirectory(db, plan, input.clusters)) {
    if (!c.headUnitId)
      throw new PlanStoreError(
        'invalid',
        `${c.name} chưa có đơn vị cụm trưởng, khối trưởng năm ${plan.year}: hãy xác định trước khi diễn tập`,
      );
    context.clusters.push({ id: c.id, name: c.name, headUnitId: c.headUnitId, memberUnitIds: [...c.memberUnitIds] });
    for (const unitId of c.memberUnitIds) {
      if (context.units.some((u) => u.id === unitId)) continue;
      const unit = await getUnit(db, unitId);
      if (!unit) throw new PlanStoreError('not_found', `Danh bạ chưa có đơn vị ${unitId} của ${c.name}`);
      context.units.push({ id: unitId, name: unit.name, clusterId: c.id });
    }
  }
  // As the plan workflow's loadPlanYear: a plan over the whole organisation has the issuing unit register too.
  if (!plan.clusterIds && !context.units.some((u) => u.id === org.id))
    context.units.push({ id: org.id, name: org.name, clusterId: null });
  const units = new Set([...context.units.map((u) => u.id), council.unitId, council.secretariatUnitId]);
  const people: RehearsalPerson[] = (await listUsers(db))
    .filter((u) => units.has(u.unitId))
    .flatMap((u) =>
      u.roles.map((role) => ({ userId: u.id, displayName: u.displayName, role, unitId: u.unitId, email: u.email })),
    );
  return { plan, context, people, issueDate: input.issueDate, scenarios: input.scenarios };
}
