/** Public: each unit's ICS feed of the year's deadlines, so a calendar application can subscribe without a session. */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { buildUnitCalendar } from '../../../domain/ics.js';
import { HAI_DUONG_2025 } from '../../../domain/plans/index.js';
import { getUnit } from '../../../store/directory.js';
import { notFound } from '../errors.js';
import type { RouteOptions } from '../http/deps.js';
import { parseForm } from '../http/form.js';

const calendarParams = parseForm(z.object({ file: z.string().transform((f) => f.replace(/\.ics$/, '')) }), 'calendar');

export const calendarRoutes: FastifyPluginAsync<RouteOptions> = async (app, { deps }) => {
  app.get('/lich/:file', async (request, reply) => {
    const unit = await getUnit(deps.db, calendarParams(request.params).file);
    if (!unit) throw notFound('Đơn vị');
    const ics = buildUnitCalendar({
      plan: HAI_DUONG_2025,
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
