/**
 * The dashboard: counts from the case index (one grouped query per chart, never one query per case), drawn as
 * inline SVG bar charts: the year's funnel by stage, progress and overdue cases per cluster, and each cluster's
 * registrations and compact signatures from the plan's one `state` query (the index's count of registrations when
 * the plan is not running).
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { listClusters } from '../../../store/directory.js';
import { countIndexedCases, countIndexedCasesBy } from '../../../store/case-index.js';
import { STAGE_LABELS } from '../../../domain/i18n.js';
import { NOMINATION_STAGES } from '../../../domain/stages.js';
import { barChart, renderPage } from '../render.js';
import { accountOf } from '../http/account.js';
import type { RouteOptions } from '../http/deps.js';
import { parseForm } from '../http/form.js';
import { yearField } from '../http/year.js';

const dashboardQuery = parseForm(z.object({ nam: yearField }), 'dashboard query');

export const dashboardRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  app.get('/thong-ke', async (request, reply) => {
    accountOf(request);
    const year = dashboardQuery(request.query).nam;
    const now = new Date().toISOString();
    const nominations = { kinds: ['nomination' as const], year };
    const [byStage, openBy, awardedBy, overdueBy] = await Promise.all([
      countIndexedCasesBy(deps.db, nominations, 'stage'),
      countIndexedCasesBy(deps.db, { ...nominations, statuses: ['open'] }, 'cluster_id'),
      countIndexedCasesBy(deps.db, { ...nominations, stages: ['awarded'] }, 'cluster_id'),
      countIndexedCasesBy(deps.db, { ...nominations, overdueAt: now }, 'cluster_id'),
    ]);
    const funnel = NOMINATION_STAGES.map((stage) => ({ label: STAGE_LABELS[stage], value: byStage.get(stage) ?? 0 }));
    const clusters = await listClusters(deps.db);
    const perCluster = clusters.map((c) => ({
      name: c.name,
      open: openBy.get(c.id) ?? 0,
      awarded: awardedBy.get(c.id) ?? 0,
      overdue: overdueBy.get(c.id) ?? 0,
    }));
    const registeredBy = await countIndexedCasesBy(
      deps.db,
      { kinds: ['registration'], year, statuses: ['registered'] },
      'cluster_id',
    );
    const orgUnitId = await deps.organisation();
    const run = orgUnitId ? await deps.yearCases.planState(orgUnitId, year) : null;
    const yearProgress = await Promise.all(
      clusters.map(async (c) => {
        if (run) {
          const units = run.context.units.filter((u) => u.clusterId === c.id).map((u) => u.id);
          const compact = run.compacts[c.id];
          return {
            name: c.name,
            registered: units.filter((u) => run.registrations[u]?.status === 'registered').length,
            units: units.length,
            signed: compact?.done ?? 0,
            members: compact?.total ?? c.memberUnitIds.length,
          };
        }
        return {
          name: c.name,
          registered: registeredBy.get(c.id) ?? 0,
          units: c.memberUnitIds.length,
          signed: 0,
          members: c.memberUnitIds.length,
        };
      }),
    );
    const overdueTotal = await countIndexedCases(deps.db, { ...nominations, overdueAt: now });
    return renderPage(request, reply, 'dashboard', {
      title: 'Thống kê',
      year,
      overdueTotal,
      perCluster,
      funnelSvg: barChart(funnel, `Số hồ sơ đề nghị năm ${year} theo bước`),
      progressSvg: barChart(
        perCluster.flatMap((c) => [
          { label: `${c.name}: đang xét`, value: c.open, tone: 'info' as const },
          { label: `${c.name}: đã khen thưởng`, value: c.awarded, tone: 'ok' as const },
        ]),
        'Tiến độ theo cụm, khối thi đua',
      ),
      planRunning: run !== null,
      yearProgress,
      yearSvg: barChart(
        yearProgress.flatMap((c) => [
          {
            label: `${c.name}: đăng ký thi đua (${c.registered}/${c.units})`,
            value: c.registered,
            tone: 'ok' as const,
          },
          { label: `${c.name}: ký giao ước (${c.signed}/${c.members})`, value: c.signed, tone: 'info' as const },
        ]),
        'Đăng ký thi đua và ký giao ước theo cụm, khối',
      ),
      overdueSvg: barChart(
        perCluster.map((c) => ({ label: c.name, value: c.overdue, tone: 'warn' as const })),
        'Hồ sơ quá hạn theo cụm, khối thi đua',
      ),
    });
  });
};
