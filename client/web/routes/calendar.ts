/**
 * Public: each unit's ICS feed of the year's deadlines, so a calendar application can subscribe without a session.
 * `?nam=` chooses the year (default: the current one); the plan is the organisation's running or issued plan of
 * that year, never a draft (a calendar application would keep dates that may still change).
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { buildUnitCalendar } from '../../../domain/ics.js';
import { getUnit } from '../../../store/directory.js';
import { notFound, WebError } from '../errors.js';
import type { RouteOptions } from '../http/deps.js';
import { parseForm } from '../http/form.js';
import { yearField } from '../http/year.js';
import { yearPlanOf } from '../http/year-plan.js';

const calendarParams = parseForm(z.object({ file: z.string().transform((f) => f.replace(/\.ics$/, '')) }), 'calendar');
const calendarQuery = parseForm(z.object({ nam: yearField }), 'calendar query');

export const calendarRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  app.get('/lich/:file', async (request, reply) => {
    const unit = await getUnit(deps.db, calendarParams(request.params).file);
    if (!unit) throw notFound('Đơn vị');
    const year = calendarQuery(request.query).nam;
    const { plan, source } = await yearPlanOf(deps, year);
    if (!plan || source === 'draft')
      throw new WebError(404, `Chưa có kế hoạch thi đua năm ${year} được ban hành.`, `no issued plan of ${year}`);
    const ics = buildUnitCalendar({
      plan,
      unitId: unit.id,
      unitName: unit.name,
      generatedAt: new Date().toISOString(),
    });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="${unit.id}.ics"`)
      .send(ics);
  });
};
