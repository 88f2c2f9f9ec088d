/** The compact page's view of a cluster's compact (giao ước thi đua): the signature table and the stage names. */
import type { CompactState } from '../../domain/plan-year/compact.js';

export interface SignatureRow {
  unitId: string;
  name: string;
  isHead: boolean;
  signedAt: string | null;
  signedBy: string | null;
  late: boolean;
}

/** Every member unit with its signature (when, by whom), the head unit first. */
export function signatureRows(state: CompactState): SignatureRow[] {
  return state.memberUnits
    .map((m) => {
      const s = state.signatures.find((x) => x.unitId === m.id);
      return {
        unitId: m.id,
        name: m.name,
        isHead: m.id === state.headUnitId,
        signedAt: s?.at ?? null,
        signedBy: s ? s.actor.displayName : null,
        late: s?.late ?? false,
      };
    })
    .sort((a, b) => Number(b.isHead) - Number(a.isHead));
}

export const COMPACT_STAGE_LABELS: Record<CompactState['stage'], string> = {
  drafting: 'Đang soạn dự thảo',
  signing: 'Đang ký giao ước',
  sent: 'Đã tổng hợp, gửi Thường trực Hội đồng',
  closed: 'Đã kết thúc',
};
