/**
 * The rules page (/quan-tri/quy-tac) as rendered from the rule sets and the catalogue: the quota with its "at least
 * one" exception flagged and the sentence a unit of three collectives is told, and Anh hùng Lao động's criteria
 * flagged "Cần xác nhận".
 */
import { describe, expect, it } from 'vitest';
import { eta, helpers } from '../../client/web/render.js';
import { rulesPageModel } from '../../client/web/rules-view.js';
import { QUOTES } from './seed-quotes.js';

const NOW = '2026-03-02T03:00:00.000Z';

function page(): string {
  return eta.render('rules', {
    title: 'Các phiên bản bộ quy tắc',
    ...rulesPageModel(NOW),
    account: null,
    csrf: 'x',
    requestId: 'r',
    h: helpers,
    now: new Date(NOW),
    path: '/quan-tri/quy-tac',
    outboxShown: false,
  });
}

/** The table row of one quota parameter, by its id. */
const rowOf = (html: string, key: string) =>
  new RegExp(`<tr id="quy-tac-${key.replace('.', '\\.')}"[^>]*>.*?</tr>`).exec(html)?.[0] ?? '';

describe('the rules page', () => {
  it(`${QUOTES.quota} — the quota, rounding down, and the unconfirmed "at least one" exception`, () => {
    const html = page();
    expect(rowOf(html, 'quota.collectiveShare')).toContain('<code>1/4</code>');
    expect(rowOf(html, 'quota.rounding')).toContain('<code>floor</code>');
    const minimumOne = rowOf(html, 'quota.minimumOne');
    expect(minimumOne).toContain('<code>false</code>');
    expect(minimumOne).toContain('class="flagged"');
    expect(minimumOne).toContain('Cần xác nhận');
    expect(rowOf(html, 'quota.collectiveShare')).not.toContain('Cần xác nhận');
    expect(html).toContain('Ví dụ: Đơn vị có 3 tập thể: chỉ tiêu 1/4 làm tròn xuống là 0');
  });

  it(`${QUOTES.labourHero} — its criteria are flagged`, () => {
    const html = page();
    const item = /<li id="tieu-chuan-anh-hung-lao-dong">.*?<\/li>/.exec(html)?.[0] ?? '';
    expect(item).toContain('<strong>Anh hùng Lao động</strong>');
    expect(item).toContain('Cần xác nhận');
    expect(item).toContain('thẩm quyền: Chủ tịch nước');
    // Its vote rule is a parameter of every version, flagged too.
    expect(html).toContain('<code>vote.labourHero</code> <strong class="badge badge-warn">Cần xác nhận</strong>');
  });
});
