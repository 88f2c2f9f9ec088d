/**
 * The happy path of every award kind a unit can nominate (catalogue entries with `nominable`), on the
 * time-skipping server with the real worker, activities, book and SMTP: each case walks unit → cluster (with the
 * cluster's vote where the award has one, Cờ thi đua ngành) → standing body → council → leadership, and ends where its award is decided — in the provincial book, or
 * forwarded to the Supreme Procuracy whose decision closes it. The draft carries the facts each standard reads
 * (collective headcounts, years of service, declared criteria); without them the collective titles are refused.
 */
import { describe, expect, it } from 'vitest';
import { findByCaseKey } from '../../store/index.js';
import { AWARDS, awardByCode, type AwardCode, type NomineeSubject } from '../../domain/catalogue.js';
import type { NominationDraft } from '../../domain/nomination/types.js';
import { forwardedStateQuery } from '../../workflows/nomination/forwarded.js';
import { nominationStateQuery } from '../../workflows/nomination/messages.js';
import { personWhoHeld } from '../support/award-history.js';
import type { CaseWorld } from '../support/case-world.js';
import { withTimeSkippingWorld } from '../support/time-skipping-world.js';
import { approveAtHigherLevel, forwardedCaseOf, journey } from '../support/journey.js';
import { refusalOf } from '../support/refusal.js';

let world: CaseWorld;

withTimeSkippingWorld((started) => ({ world } = started));

/** A collective that meets both collective standards: everyone completed their duties, 80% advanced, two CSTĐ. */
const QUALIFYING_COLLECTIVE = {
  memberCount: 20,
  completedDutiesCount: 20,
  advancedWorkerCount: 16,
  baseEmulationFighterCount: 2,
  membersDisciplinedWarningOrAbove: 0,
};

interface Kind {
  awardCode: AwardCode;
  subject: NomineeSubject;
  /** A regional unit of cluster 1 (its head in 2025 is hd-kv1, whose head is cumtruong.c1). */
  unitId: string;
  /** Which person of the unit (demo book order), when the history matters. */
  personIndex?: (world: CaseWorld) => Promise<number>;
  facts?: Pick<NominationDraft, 'declaredCriteria' | 'personFacts' | 'collectiveFacts'>;
}

/**
 * One nominee per award. Awards open to both kinds of nominee that count against the unit's 1/4 collective quota
 * take an individual: every demo regional unit has 2 or 3 collectives, and 1/4 of that rounds down to none.
 */
const KINDS: Kind[] = [
  {
    awardCode: 'lao-dong-tien-tien',
    subject: 'individual',
    unitId: 'hd-kv1',
    facts: { personFacts: { monthsSinceRecruitment: 30 } },
  },
  { awardCode: 'chien-si-thi-dua-co-so', subject: 'individual', unitId: 'hd-kv2' },
  {
    awardCode: 'chien-si-thi-dua-nganh',
    subject: 'individual',
    unitId: 'hd-kv3',
    // Three consecutive years of Chiến sĩ thi đua cơ sở, and an initiative recognised across the ngành.
    personIndex: (w) => personWhoHeld(w, 'hd-kv3', 'chien-si-thi-dua-co-so', [2022, 2023, 2024]),
    facts: { declaredCriteria: ['sang-kien-pham-vi-nganh'] },
  },
  {
    awardCode: 'tap-the-lao-dong-tien-tien',
    subject: 'collective',
    unitId: 'hd-kv4',
    facts: { collectiveFacts: { ...QUALIFYING_COLLECTIVE, completedDutiesCount: 19, advancedWorkerCount: 11 } },
  },
  {
    awardCode: 'tap-the-lao-dong-xuat-sac',
    subject: 'collective',
    unitId: 'hd-kv1',
    facts: { collectiveFacts: QUALIFYING_COLLECTIVE },
  },
  // hd-kv3 headed cluster 1 in 2024 and was Tập thể lao động xuất sắc in 2023 and 2024.
  { awardCode: 'co-thi-dua-nganh', subject: 'collective', unitId: 'hd-kv3' },
  { awardCode: 'giay-khen', subject: 'individual', unitId: 'hd-kv4', personIndex: async () => 3 },
  {
    awardCode: 'bang-khen-vksndtc',
    subject: 'individual',
    unitId: 'hd-kv2',
    personIndex: (w) => personWhoHeld(w, 'hd-kv2', 'chien-si-thi-dua-co-so', [2023, 2024]),
  },
  {
    awardCode: 'bang-khen-thu-tuong',
    subject: 'individual',
    unitId: 'hd-kv1',
    facts: { declaredCriteria: ['thanh-tich-dot-xuat'] },
  },
  {
    awardCode: 'huan-chuong-lao-dong-hang-ba',
    subject: 'individual',
    unitId: 'hd-kv4',
    personIndex: async () => 1,
    facts: { declaredCriteria: ['thanh-tich-dot-xuat'] },
  },
  // Seed 000, mục 3.2: a collective proposed for Anh hùng Lao động, forwarded as the Huân chương is.
  {
    awardCode: 'anh-hung-lao-dong',
    subject: 'collective',
    unitId: 'hd-kv2',
    facts: { declaredCriteria: ['thanh-tich-dac-biet-xuat-sac'] },
  },
  {
    awardCode: 'ky-niem-chuong-vi-su-nghiep-kiem-sat',
    subject: 'individual',
    unitId: 'hd-kv2',
    personIndex: async () => 2,
    facts: { personFacts: { continuousServiceYears: 18 } },
  },
  {
    awardCode: 'dien-hinh-tien-tien',
    subject: 'collective',
    unitId: 'hd-kv3',
    facts: { declaredCriteria: ['tap-the-vuot-chi-tieu'] },
  },
];

const HEAD_OF: Record<string, string> = {
  'hd-kv1': 'truong.kv1',
  'hd-kv2': 'truong.kv2',
  'hd-kv3': 'truong.kv3',
  'hd-kv4': 'truong.kv4',
};

async function draftOf(kind: Kind): Promise<NominationDraft> {
  const personIndex = kind.personIndex ? await kind.personIndex(world) : 0;
  const draft = await world.draftFor({
    awardCode: kind.awardCode,
    unitId: kind.unitId,
    subject: kind.subject,
    personIndex,
  });
  return { ...draft, ...kind.facts };
}

describe('every nominable award kind, on its happy path (time skipping)', () => {
  it('covers every nominable entry of the catalogue, and only those', () => {
    expect(KINDS.map((k) => k.awardCode).sort()).toEqual(
      AWARDS.filter((a) => a.nominable)
        .map((a) => a.code)
        .sort(),
    );
  });

  it.each(KINDS)('$awardCode ($subject, $unitId) reaches its proper end', async (kind) => {
    const award = awardByCode(kind.awardCode);
    const draft = await draftOf(kind);
    const handle = await world.startNomination({ unitId: kind.unitId, draft });
    const j = journey(world, handle);
    expect((await j.submit(HEAD_OF[kind.unitId])).stage).toBe('cluster_review');
    if (award.clusterVote) {
      // Cờ thi đua: Cụm 1's other member units vote (the nominating unit is recused), the cluster head closes.
      for (const [unitId, head] of Object.entries(HEAD_OF))
        if (unitId !== kind.unitId) await j.act('cluster_vote', head, { choice: 'yes' });
      await j.act('close_cluster_vote', 'cumtruong.c1');
      expect((await handle.query(nominationStateQuery)).clusterTally).toMatchObject({ passed: true, yes: 3 });
    }
    expect((await j.endorse()).stage).toBe('standing_body_check');
    expect((await j.verify()).stage).toBe('council_vote');
    await j.voteAll('yes');
    const approved = await j.approve();
    const caseKey = `${handle.workflowId}#award`;

    if (award.forwardedToHigherLevel) {
      // Decided above the province: the case waits for the Supreme Procuracy's linked case; nothing in the book yet.
      expect(approved.stage).toBe('forwarded');
      const { forwarding } = await handle.query(nominationStateQuery);
      expect(forwarding).toMatchObject({ toUnitId: 'vkstc', outcome: 'pending' });
      const child = await forwardedCaseOf(world, handle);
      expect((await child.query(forwardedStateQuery)).input).toMatchObject({
        awardCode: kind.awardCode,
        fromUnitId: kind.unitId,
        decisionNumber: '45/QĐ-VKS',
      });
      expect(await findByCaseKey(world.db, caseKey)).toBeNull();
      await approveAtHigherLevel(world, child, '901/QĐ-VKSTC');
      expect((await child.result()).outcome).toBe('approved');
      await world.env.sleep('1 minute');
      const state = await handle.query(nominationStateQuery);
      expect(state.stage).toBe('awarded');
      expect(state.forwarding).toMatchObject({ outcome: 'approved', detail: '901/QĐ-VKSTC (2026-01-20)' });
    } else {
      expect(approved.stage).toBe('awarded');
      await world.env.sleep('1 minute');
    }

    const row = await findByCaseKey(world.db, caseKey);
    expect(row).toMatchObject({
      awardCode: kind.awardCode,
      subject: kind.subject,
      unitId: kind.unitId,
      year: 2025,
      decidedByLevel: award.decidingLevel,
      // The award is the decider's: a forwarded one carries the higher level's decision, not the province's tờ trình.
      ...(award.forwardedToHigherLevel
        ? { decisionNumber: '901/QĐ-VKSTC', decisionDate: '2026-01-20' }
        : { decisionNumber: '45/QĐ-VKS' }),
      personId: kind.subject === 'individual' ? draft.nominee.personId : null,
      revoked: false,
    });
    expect((await handle.query(nominationStateQuery)).bookEntryKey).toBe(caseKey);
    await world.mail.waitFor((messages) =>
      messages.some((m) => m.subject.includes('Đã có quyết định khen thưởng') && m.text.includes(handle.workflowId)),
    );
  });
});

describe('collective titles without qualifying facts are refused with the reason', () => {
  it('no headcounts: the submission says what is missing and the case stays a draft', async () => {
    const draft = await world.draftFor({
      awardCode: 'tap-the-lao-dong-xuat-sac',
      unitId: 'hd-kv2',
      subject: 'collective',
    });
    const handle = await world.startNomination({ unitId: 'hd-kv2', draft });
    expect(await refusalOf(journey(world, handle).submit())).toBe(
      'Chưa đủ điều kiện đề nghị: Thiếu số liệu về cá nhân của tập thể để xét danh hiệu Tập thể lao động xuất sắc.',
    );
    expect((await handle.query(nominationStateQuery)).stage).toBe('draft');
  });

  it('headcounts that fall short: each reason is given; the unit corrects them and the case goes on', async () => {
    const base = await world.draftFor({
      awardCode: 'tap-the-lao-dong-tien-tien',
      unitId: 'hd-kv3',
      subject: 'collective',
    });
    const short = { ...QUALIFYING_COLLECTIVE, advancedWorkerCount: 10, membersDisciplinedWarningOrAbove: 1 };
    const handle = await world.startNomination({ unitId: 'hd-kv3', draft: { ...base, collectiveFacts: short } });
    const j = journey(world, handle);
    expect(await refusalOf(j.submit('truong.kv3'))).toBe(
      'Chưa đủ điều kiện đề nghị: Tỷ lệ cá nhân đạt Lao động tiên tiến phải trên 1/2 (hiện có 10/20); ' +
        'Có cá nhân bị kỷ luật từ cảnh cáo trở lên.',
    );
    // A count larger than the collective is bad input: refused by the validator, nothing written.
    expect(
      await refusalOf(
        j.act('edit', 'vanthu.kv3', {
          draft: { ...base, collectiveFacts: { ...QUALIFYING_COLLECTIVE, advancedWorkerCount: 25 } },
        }),
      ),
    ).toContain('không được lớn hơn tổng số cá nhân của tập thể (20)');
    await j.act('edit', 'vanthu.kv3', { draft: { ...base, collectiveFacts: QUALIFYING_COLLECTIVE } });
    expect((await j.submit('truong.kv3')).stage).toBe('cluster_review');
  });
});
